using FsCheck.Xunit;
using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>The 7-phase slice handshake of schwung-spec.md §7.3, host (slicer) and device (assembler) sides.</summary>
public class DisplayHandshakeTests
{
    private static byte[] Pattern() => Enumerable.Range(0, 1024).Select(i => (byte)(i * 7 + 3)).ToArray();

    [Fact]
    public void Phase_0_writes_status_0_and_zeroes_the_slice_area()
    {
        using var page = new NativePage();
        page.Bytes[80..256].Fill(0xFF);
        var slicer = new DisplaySlicer();

        slicer.WriteNext(page.Mailbox, Pattern());

        Assert.Equal(new byte[] { 0, 0, 0, 0 }, page.Bytes[80..84].ToArray());
        Assert.All(page.Bytes[84..256].ToArray(), b => Assert.Equal(0, b));
        Assert.Equal(1, slicer.Phase);
    }

    [Fact]
    public void Phases_1_to_6_carry_5_slices_of_172_bytes_then_one_of_164()
    {
        using var page = new NativePage();
        var frame = Pattern();
        var slicer = new DisplaySlicer();
        slicer.WriteNext(page.Mailbox, frame);

        for (int slice = 1; slice <= 6; slice++)
        {
            page.Bytes[84..256].Fill(0xFF);
            slicer.WriteNext(page.Mailbox, frame);
            int length = slice < 6 ? 172 : 164;
            Assert.Equal((byte)slice, page.Bytes[80]);
            Assert.Equal(frame.AsSpan((slice - 1) * 172, length).ToArray(), page.Bytes.Slice(84, length).ToArray());
            Assert.All(page.Bytes[(84 + length)..256].ToArray(), b => Assert.Equal(0, b));
        }
        Assert.Equal(0, slicer.Phase);
        Assert.Equal(1, slicer.FramesSent);
        Assert.Equal(1024, 5 * 172 + 164);
    }

    [Fact]
    public void A_frame_changed_mid_cycle_is_not_torn()
    {
        using var page = new NativePage();
        var assembler = new DisplayAssembler();
        var slicer = new DisplaySlicer();
        var first = Pattern();
        var second = new byte[1024];
        Array.Fill(second, (byte)0x55);

        for (int phase = 0; phase < 7; phase++)
        {
            slicer.WriteNext(page.Mailbox, phase < 3 ? first : second);
            assembler.Accept(page.Mailbox);
        }

        Assert.Equal(first, assembler.Frame.ToArray());
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool Slicer_and_assembler_round_trip_any_frame_from_any_starting_phase(FrameBytes frame, byte skew)
    {
        using var page = new NativePage();
        var slicer = new DisplaySlicer();
        var assembler = new DisplayAssembler();
        var noise = new byte[1024];
        for (int i = 0; i < skew % 7; i++) slicer.WriteNext(page.Mailbox, noise); // device joins mid-cycle
        for (int i = 0; i < skew % 7; i++) assembler.Accept(page.Mailbox);

        int completions = 0;
        for (int i = 0; i < 14; i++)
        {
            slicer.WriteNext(page.Mailbox, frame.Bytes);
            if (assembler.Accept(page.Mailbox)) completions++;
        }
        return completions >= 1 && assembler.Frame.SequenceEqual(frame.Bytes) && assembler.SequenceErrors == 0;
    }

    [Fact]
    public void A_skipped_slice_discards_the_partial_frame_and_counts_an_error()
    {
        var assembler = new DisplayAssembler();
        var slice = new byte[172];
        Array.Fill(slice, (byte)9);

        assembler.Accept(0, slice);
        assembler.Accept(1, slice);
        assembler.Accept(3, slice); // slice 2 lost
        for (uint s = 4; s <= 6; s++) Assert.False(assembler.Accept(s, slice));

        Assert.Equal(1, assembler.SequenceErrors);
        Assert.Equal(0, assembler.FramesCompleted);
        Assert.All(assembler.Frame.ToArray(), b => Assert.Equal(0, b));

        assembler.Accept(0, slice);
        for (uint s = 1; s <= 6; s++) assembler.Accept(s, slice);
        Assert.Equal(1, assembler.FramesCompleted);
        Assert.All(assembler.Frame.ToArray(), b => Assert.Equal(9, b));
    }

    [Fact]
    public void A_status_above_6_is_a_sequence_error()
    {
        var assembler = new DisplayAssembler();
        assembler.Accept(0, new byte[172]);
        Assert.False(assembler.Accept(7, new byte[172]));
        Assert.Equal(1, assembler.SequenceErrors);
    }
}
