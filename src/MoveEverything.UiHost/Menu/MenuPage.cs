namespace MoveEverything.UiHost.Menu;

/// <summary>A titled list with a selection; items are rebuilt by <see cref="Build"/> each time the page is shown or changes.</summary>
public sealed class MenuPage(string title, Func<IReadOnlyList<MenuItem>> build)
{
    public string Title { get; } = title;
    public IReadOnlyList<MenuItem> Items { get; private set; } = [];
    public int Selected { get; private set; }

    public void Build()
    {
        Items = build();
        Selected = Math.Clamp(Selected, 0, Math.Max(0, Items.Count - 1));
    }

    public void Move(int delta) => Selected = Items.Count == 0 ? 0 : Math.Clamp(Selected + delta, 0, Items.Count - 1);
}
