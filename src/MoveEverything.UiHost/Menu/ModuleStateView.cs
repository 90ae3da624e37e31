namespace MoveEverything.UiHost.Menu;

/// <summary>How the menu shows a module's health: a short label ("ready", "crashed", "disabled"), the reason, and whether it may be opened.</summary>
public sealed record ModuleStateView(string Label, string? Reason, bool MayOpen)
{
    public static ModuleStateView Ready { get; } = new("ready", null, true);
}
