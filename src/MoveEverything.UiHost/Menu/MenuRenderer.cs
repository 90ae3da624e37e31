using MoveEverything.UiHost.Display;

namespace MoveEverything.UiHost.Menu;

/// <summary>
/// Draws a menu page on the 128×64 canvas with the built-in font: an inverted title bar, up to
/// <see cref="VisibleRows"/> rows with the selection inverted and kept in view, and an optional toast box.
/// </summary>
public static class MenuRenderer
{
    public const int RowHeight = 9;
    public const int VisibleRows = 6;
    private const int ListTop = 10;

    public static void Draw(Canvas canvas, MenuPage page, string? toast)
    {
        canvas.Clear();
        canvas.FillRect(0, 0, Canvas.Width, 9, 1);
        canvas.Print(2, 1, Fit(canvas, page.Title, Canvas.Width - 4), 0);
        var first = Math.Clamp(page.Selected - VisibleRows + 1, 0, Math.Max(0, page.Items.Count - VisibleRows));
        for (var row = 0; row < VisibleRows && first + row < page.Items.Count; row++)
        {
            var index = first + row;
            var item = page.Items[index];
            var y = ListTop + row * RowHeight;
            var selected = index == page.Selected;
            if (selected) canvas.FillRect(0, y - 1, Canvas.Width, RowHeight, 1);
            var color = selected ? 0 : 1;
            var detailWidth = item.Detail is null ? 0 : canvas.TextWidth(item.Detail) + 4;
            canvas.Print(2, y, Fit(canvas, item.Label, Canvas.Width - 4 - detailWidth), color);
            if (item.Detail is not null) canvas.Print(Canvas.Width - 2 - canvas.TextWidth(item.Detail), y, item.Detail, color);
        }
        if (toast is not null) DrawToast(canvas, toast);
    }

    /// <summary>A framed message over the lower part of the screen, wrapped to at most three lines.</summary>
    public static void DrawToast(Canvas canvas, string text)
    {
        var lines = Wrap(canvas, text, Canvas.Width - 8).Take(3).ToList();
        var height = lines.Count * RowHeight + 4;
        var top = Canvas.Height - height;
        canvas.FillRect(0, top - 1, Canvas.Width, height + 1, 0);
        canvas.DrawRect(0, top - 1, Canvas.Width, height + 1, 1);
        for (var i = 0; i < lines.Count; i++) canvas.Print(4, top + 2 + i * RowHeight, lines[i], 1);
    }

    public static string Fit(Canvas canvas, string text, int width)
    {
        if (canvas.TextWidth(text) <= width) return text;
        while (text.Length > 1 && canvas.TextWidth(text + "~") > width) text = text[..^1];
        return text + "~";
    }

    public static IEnumerable<string> Wrap(Canvas canvas, string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (canvas.TextWidth(candidate) <= width) { line = candidate; continue; }
            if (line.Length > 0) yield return line;
            line = Fit(canvas, word, width);
        }
        if (line.Length > 0) yield return line;
    }
}
