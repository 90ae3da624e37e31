using MoveEverything.UiHost.Display;

namespace MoveEverything.UiHost.Tests.Display;

public class CanvasTests
{
    [Fact]
    public void Pack_puts_top_row_in_the_least_significant_bit_of_each_page_byte()
    {
        var canvas = new Canvas();
        canvas.SetPixel(0, 0, 1);   // page 0, column 0, bit 0
        canvas.SetPixel(5, 7, 1);   // page 0, column 5, bit 7
        canvas.SetPixel(127, 63, 1); // page 7, column 127, bit 7
        canvas.SetPixel(3, 9, 1);   // page 1, column 3, bit 1

        var frame = canvas.Pack();

        Assert.Equal(1024, frame.Length);
        Assert.Equal(0x01, frame[0]);
        Assert.Equal(0x80, frame[5]);
        Assert.Equal(0x80, frame[7 * 128 + 127]);
        Assert.Equal(0x02, frame[1 * 128 + 3]);
        Assert.Equal(4, frame.Count(b => b != 0));
    }

    [Fact]
    public void Drawing_outside_the_screen_is_clipped_not_an_error()
    {
        var canvas = new Canvas();
        canvas.SetPixel(-1, 0, 1);
        canvas.SetPixel(128, 64, 1);
        canvas.FillRect(120, 60, 100, 100, 1);
        canvas.DrawLine(-5000, -5000, 5000, 5000, 1);
        canvas.FillCircle(200, 200, 10, 1);

        Assert.True(canvas.GetPixel(127, 63));
        Assert.True(canvas.GetPixel(10, 10)); // the diagonal crosses the screen
        Assert.False(canvas.GetPixel(0, 63));
    }

    [Fact]
    public void Rect_outline_leaves_the_inside_clear_and_fill_covers_it()
    {
        var canvas = new Canvas();
        canvas.DrawRect(10, 10, 5, 4, 1);
        Assert.True(canvas.GetPixel(10, 10));
        Assert.True(canvas.GetPixel(14, 13));
        Assert.False(canvas.GetPixel(12, 11));

        canvas.FillRect(10, 10, 5, 4, 1);
        Assert.True(canvas.GetPixel(12, 11));
        canvas.FillRect(10, 10, 5, 4, 0);
        Assert.False(canvas.GetPixel(10, 10));
    }

    [Fact]
    public void Line_includes_both_end_points_and_circle_is_symmetric()
    {
        var canvas = new Canvas();
        canvas.DrawLine(2, 3, 20, 11, 1);
        Assert.True(canvas.GetPixel(2, 3));
        Assert.True(canvas.GetPixel(20, 11));

        canvas.Clear();
        canvas.FillCircle(64, 32, 5, 1);
        Assert.True(canvas.GetPixel(64, 32));
        Assert.True(canvas.GetPixel(59, 32) && canvas.GetPixel(69, 32));
        Assert.True(canvas.GetPixel(64, 27) && canvas.GetPixel(64, 37));
        Assert.False(canvas.GetPixel(60, 28)); // outside the radius at the corner
    }

    [Fact]
    public void Print_draws_glyph_pixels_and_text_width_matches_advance()
    {
        var canvas = new Canvas();
        var end = canvas.Print(0, 0, "I", 1);
        // 'I' is ".###." on the top row.
        Assert.False(canvas.GetPixel(0, 0));
        Assert.True(canvas.GetPixel(1, 0) && canvas.GetPixel(2, 0) && canvas.GetPixel(3, 0));
        Assert.Equal(6, end);
        Assert.Equal(17, canvas.TextWidth("abc"));
        Assert.Equal(0, canvas.TextWidth(""));
        Assert.Equal(8, canvas.FontHeight);
    }

    [Fact]
    public void Printing_with_color_zero_erases()
    {
        var canvas = new Canvas();
        canvas.FillRect(0, 0, 20, 10, 1);
        canvas.Print(0, 0, "I", 0);
        Assert.False(canvas.GetPixel(2, 0));
        Assert.True(canvas.GetPixel(0, 0));
    }

    [Fact]
    public void Font_covers_printable_ascii_with_distinct_glyphs()
    {
        var font = BitmapFont.Default;
        var glyphs = Enumerable.Range(33, 94).Select(c => Convert.ToHexString(font.Glyph((char)c))).ToList();
        Assert.All(Enumerable.Range(32, 95), c => Assert.True(font.HasGlyph((char)c)));
        Assert.Equal(glyphs.Count, glyphs.Distinct().Count());
        Assert.False(font.HasGlyph('é'));
        Assert.NotEqual(0, font.Glyph('é')[0]); // missing glyph box is visible
    }

    [Fact]
    public void Dirty_flag_tracks_drawing()
    {
        var canvas = new Canvas();
        Assert.False(canvas.Dirty);
        canvas.SetPixel(1, 1, 1);
        Assert.True(canvas.Dirty);
    }
}
