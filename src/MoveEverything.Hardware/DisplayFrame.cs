namespace MoveEverything.Hardware;

/// <summary>
/// The packed 1 bpp display frame: 1024 bytes = 8 pages × 128 columns; byte <c>page * 128 + x</c> holds the
/// 8 pixels of column x in rows <c>page * 8 … page * 8 + 7</c>, bit j = row <c>page * 8 + j</c> (LSB = top),
/// as in schwung-spec.md §11 fact 4. Pixel buffers are row-major, 128 × 64 bytes, non-zero = lit.
/// All members are allocation-free.
/// </summary>
public static class DisplayFrame
{
    public const int Width = MailboxLayout.DisplayWidth;
    public const int Height = MailboxLayout.DisplayHeight;
    public const int Bytes = MailboxLayout.DisplayFrameBytes;
    public const int PixelCount = Width * Height;

    /// <summary>Packs a 128 × 64 pixel buffer (non-zero = lit) into a 1024-byte frame.</summary>
    public static void Pack(ReadOnlySpan<byte> pixels, Span<byte> frame)
    {
        CheckSizes(pixels.Length, frame.Length);
        for (int page = 0; page < Height / 8; page++)
        {
            for (int x = 0; x < Width; x++)
            {
                int b = 0;
                for (int j = 0; j < 8; j++)
                {
                    if (pixels[(page * 8 + j) * Width + x] != 0) b |= 1 << j;
                }
                frame[page * Width + x] = (byte)b;
            }
        }
    }

    /// <summary>Unpacks a 1024-byte frame into a 128 × 64 pixel buffer of 0 / 1 bytes.</summary>
    public static void Unpack(ReadOnlySpan<byte> frame, Span<byte> pixels)
    {
        CheckSizes(pixels.Length, frame.Length);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++) pixels[y * Width + x] = (byte)GetBit(frame, x, y);
        }
    }

    /// <summary>True when pixel (x, y) of a packed frame is lit; (0, 0) is the top-left corner.</summary>
    public static bool GetPixel(ReadOnlySpan<byte> frame, int x, int y)
    {
        CheckPoint(x, y);
        return GetBit(frame, x, y) != 0;
    }

    /// <summary>Sets or clears pixel (x, y) of a packed frame.</summary>
    public static void SetPixel(Span<byte> frame, int x, int y, bool lit)
    {
        CheckPoint(x, y);
        int index = (y >> 3) * Width + x;
        byte mask = (byte)(1 << (y & 7));
        frame[index] = lit ? (byte)(frame[index] | mask) : (byte)(frame[index] & ~mask);
    }

    private static int GetBit(ReadOnlySpan<byte> frame, int x, int y) => (frame[(y >> 3) * Width + x] >> (y & 7)) & 1;

    private static void CheckPoint(int x, int y)
    {
        if ((uint)x >= Width) throw new ArgumentOutOfRangeException(nameof(x), x, "display x is 0–127");
        if ((uint)y >= Height) throw new ArgumentOutOfRangeException(nameof(y), y, "display y is 0–63");
    }

    private static void CheckSizes(int pixels, int frame)
    {
        if (pixels != PixelCount) throw new ArgumentException($"pixel buffer must be {PixelCount} bytes, got {pixels}", nameof(pixels));
        if (frame != Bytes) throw new ArgumentException($"frame must be {Bytes} bytes, got {frame}", nameof(frame));
    }
}
