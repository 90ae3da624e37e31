namespace MoveEverything.UiHost.Display;

/// <summary>
/// A fixed-width bitmap font: each glyph is <see cref="GlyphRows"/> rows, each row a bit mask of
/// <see cref="GlyphWidth"/> bits (bit GlyphWidth-1 = leftmost pixel). Characters outside the font's
/// range draw as a hollow box so missing glyphs are visible rather than silently dropped.
/// </summary>
public sealed class BitmapFont
{
    private readonly byte[][] _glyphs;
    private readonly char _first;
    private readonly byte[] _missing;

    public BitmapFont(char first, byte[][] glyphs, int glyphWidth, int glyphRows, int advance, int lineHeight)
    {
        _first = first;
        _glyphs = glyphs;
        GlyphWidth = glyphWidth;
        GlyphRows = glyphRows;
        Advance = advance;
        LineHeight = lineHeight;
        var full = (byte)((1 << glyphWidth) - 1);
        var sides = (byte)(1 | (1 << (glyphWidth - 1)));
        _missing = Enumerable.Range(0, glyphRows)
            .Select(r => r == 0 || r == glyphRows - 1 ? full : sides).ToArray();
    }

    /// <summary>The project's own 5×7 ASCII font: 6 px advance, 8 px line height.</summary>
    public static BitmapFont Default { get; } = FromArt(FontGlyphs5x7.First, FontGlyphs5x7.Art, 5, 7, 6, 8);

    public int GlyphWidth { get; }
    public int GlyphRows { get; }

    /// <summary>Horizontal distance from one character's origin to the next (glyph + spacing).</summary>
    public int Advance { get; }

    /// <summary>Value of get_font_height(): glyph rows plus line spacing.</summary>
    public int LineHeight { get; }

    public byte[] Glyph(char ch)
    {
        var index = ch - _first;
        return index >= 0 && index < _glyphs.Length ? _glyphs[index] : _missing;
    }

    public bool HasGlyph(char ch) => ch - _first >= 0 && ch - _first < _glyphs.Length;

    /// <summary>Width in pixels of text drawn by print(): advance per character, minus the trailing gap.</summary>
    public int MeasureWidth(string text) =>
        text.Length == 0 ? 0 : text.Length * Advance - (Advance - GlyphWidth);

    public static BitmapFont FromArt(char first, IReadOnlyList<string> art, int width, int rows, int advance, int lineHeight)
    {
        var glyphs = new byte[art.Count][];
        for (var i = 0; i < art.Count; i++)
        {
            var parts = art[i].Split(' ');
            if (parts.Length != rows || parts.Any(p => p.Length != width))
                throw new ArgumentException($"glyph {(char)(first + i)} must be {rows} rows of {width} pixels");
            glyphs[i] = parts.Select(p => (byte)p.Select((c, col) => c == '#' ? 1 << (width - 1 - col) : 0).Sum())
                .ToArray();
        }
        return new BitmapFont(first, glyphs, width, rows, advance, lineHeight);
    }
}
