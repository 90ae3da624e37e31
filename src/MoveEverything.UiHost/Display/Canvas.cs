namespace MoveEverything.UiHost.Display;

/// <summary>
/// The 128×64 one-bit framebuffer a module or the system menu draws on (schwung-spec.md §3.3).
/// One byte per pixel (0 = off, 1 = on) while drawing; <see cref="Pack"/> produces the 1024-byte wire
/// frame. Invariants: coordinates outside the screen are clipped silently (modules routinely draw
/// partly off-screen), and every pixel byte is always 0 or 1.
/// </summary>
public sealed class Canvas
{
    public const int Width = 128;
    public const int Height = 64;
    public const int PackedBytes = Width * Height / 8;
    private const int MaxCoordinate = 1024;

    private readonly byte[] _pixels = new byte[Width * Height];

    public Canvas(BitmapFont? font = null) => Font = font ?? BitmapFont.Default;

    /// <summary>Font used by <see cref="Print"/>, <see cref="TextWidth"/> and <see cref="FontHeight"/>.</summary>
    public BitmapFont Font { get; }

    /// <summary>Set by every drawing call; the host pushes a frame only when dirty (and clears it).</summary>
    public bool Dirty { get; set; }

    public int FontHeight => Font.LineHeight;

    public void Clear()
    {
        Array.Clear(_pixels);
        Dirty = true;
    }

    public bool GetPixel(int x, int y) =>
        (uint)x < Width && (uint)y < Height && _pixels[y * Width + x] != 0;

    public void SetPixel(int x, int y, int color)
    {
        if ((uint)x >= Width || (uint)y >= Height) return;
        _pixels[y * Width + x] = color != 0 ? (byte)1 : (byte)0;
        Dirty = true;
    }

    public void FillRect(int x, int y, int w, int h, int color)
    {
        int x0 = Math.Max(x, 0), y0 = Math.Max(y, 0);
        int x1 = Math.Min(x + w, Width), y1 = Math.Min(y + h, Height);
        var v = color != 0 ? (byte)1 : (byte)0;
        for (var row = y0; row < y1; row++)
            _pixels.AsSpan(row * Width + x0, Math.Max(0, x1 - x0)).Fill(v);
        Dirty = true;
    }

    public void DrawRect(int x, int y, int w, int h, int color)
    {
        if (w <= 0 || h <= 0) return;
        FillRect(x, y, w, 1, color);
        FillRect(x, y + h - 1, w, 1, color);
        FillRect(x, y, 1, h, color);
        FillRect(x + w - 1, y, 1, h, color);
    }

    /// <summary>Bresenham line including both end points.</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, int color)
    {
        // Clamp so absurd coordinates from a script cannot make the walk long (shape changes only off-screen
        // for lines that are mostly off-screen anyway).
        x0 = Math.Clamp(x0, -MaxCoordinate, MaxCoordinate); x1 = Math.Clamp(x1, -MaxCoordinate, MaxCoordinate);
        y0 = Math.Clamp(y0, -MaxCoordinate, MaxCoordinate); y1 = Math.Clamp(y1, -MaxCoordinate, MaxCoordinate);
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        var err = dx + dy;
        while (true)
        {
            SetPixel(x0, y0, color);
            if (x0 == x1 && y0 == y1) break;
            var e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
        Dirty = true;
    }

    public void FillCircle(int cx, int cy, int r, int color)
    {
        if (r < 0) return;
        r = Math.Min(r, Width + Height);
        for (var dy = -r; dy <= r; dy++)
        {
            var half = (int)Math.Floor(Math.Sqrt(r * r - dy * dy));
            FillRect(cx - half, cy + dy, 2 * half + 1, 1, color);
        }
    }

    /// <summary>Draws text with its top-left corner at (x, y); returns the x after the last glyph.</summary>
    public int Print(int x, int y, string text, int color)
    {
        foreach (var ch in text)
        {
            var rows = Font.Glyph(ch);
            for (var row = 0; row < rows.Length; row++)
                for (var col = 0; col < Font.GlyphWidth; col++)
                    if ((rows[row] & (1 << (Font.GlyphWidth - 1 - col))) != 0)
                        SetPixel(x + col, y + row, color);
            x += Font.Advance;
        }
        Dirty = true;
        return x;
    }

    public int TextWidth(string text) => Font.MeasureWidth(text);

    /// <summary>
    /// Packs to the wire format: 8 pages × 128 columns, byte = 8 vertical pixels of one column,
    /// bit j = row page*8 + j (LSB = top row of the page).
    /// </summary>
    public void Pack(Span<byte> destination)
    {
        if (destination.Length < PackedBytes)
            throw new ArgumentException($"need {PackedBytes} bytes, got {destination.Length}", nameof(destination));
        for (var page = 0; page < Height / 8; page++)
            for (var x = 0; x < Width; x++)
            {
                byte b = 0;
                for (var bit = 0; bit < 8; bit++)
                    if (_pixels[(page * 8 + bit) * Width + x] != 0) b |= (byte)(1 << bit);
                destination[page * Width + x] = b;
            }
    }

    public byte[] Pack()
    {
        var frame = new byte[PackedBytes];
        Pack(frame);
        return frame;
    }
}
