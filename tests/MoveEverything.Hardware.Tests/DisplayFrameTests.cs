using FsCheck.Xunit;
using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>Packing: 8 pages × 128 columns, bit j of byte page*128+x = row page*8+j, LSB on top.</summary>
public class DisplayFrameTests
{
    [Theory]
    [InlineData(0, 0, 0, 0x01)]
    [InlineData(0, 7, 0, 0x80)]
    [InlineData(0, 8, 128, 0x01)]
    [InlineData(5, 9, 133, 0x02)]
    [InlineData(127, 63, 1023, 0x80)]
    public void A_single_lit_pixel_sets_one_documented_bit(int x, int y, int byteIndex, int mask)
    {
        var pixels = new byte[DisplayFrame.PixelCount];
        pixels[y * 128 + x] = 1;
        var frame = new byte[1024];

        DisplayFrame.Pack(pixels, frame);

        Assert.Equal(mask, frame[byteIndex]);
        Assert.Equal(1, frame.Count(b => b != 0));
        Assert.True(DisplayFrame.GetPixel(frame, x, y));
    }

    [Fact]
    public void SetPixel_and_GetPixel_agree_with_the_packing()
    {
        var frame = new byte[1024];
        DisplayFrame.SetPixel(frame, 3, 17, true);
        Assert.Equal(0x02, frame[2 * 128 + 3]);
        DisplayFrame.SetPixel(frame, 3, 17, false);
        Assert.All(frame, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Wrong_buffer_sizes_are_rejected_with_a_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => DisplayFrame.Pack(new byte[10], new byte[1024]));
        Assert.Contains("8192", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DisplayFrame.GetPixel(new byte[1024], 128, 0));
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool Unpack_then_pack_gives_back_every_frame(FrameBytes frame)
    {
        var pixels = new byte[DisplayFrame.PixelCount];
        var again = new byte[1024];
        DisplayFrame.Unpack(frame.Bytes, pixels);
        DisplayFrame.Pack(pixels, again);
        return again.AsSpan().SequenceEqual(frame.Bytes);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool Pack_then_unpack_gives_back_every_pixel_buffer(Pixels pixels)
    {
        var frame = new byte[1024];
        var again = new byte[DisplayFrame.PixelCount];
        DisplayFrame.Pack(pixels.Bytes, frame);
        DisplayFrame.Unpack(frame, again);
        return again.AsSpan().SequenceEqual(pixels.Bytes);
    }
}
