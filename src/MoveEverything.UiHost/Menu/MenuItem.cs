namespace MoveEverything.UiHost.Menu;

/// <summary>One line of a menu page; <see cref="Select"/> runs on jog click and may return a command for the host.</summary>
public sealed record MenuItem(string Label, Func<MenuCommand?>? Select = null, string? Detail = null);
