namespace MoveEverything.UiHost.Link;

/// <summary>Control routing in the engine (schwung-spec.md §4.4).</summary>
public enum OvertakeMode
{
    /// <summary>Everything reaches the stock firmware.</summary>
    Normal = 0,
    /// <summary>The system menu is shown: UI events go to the UI host; volume and passthrough CCs still reach Move.</summary>
    Menu = 1,
    /// <summary>A module owns the controls: every cable-0 event except volume (CC79), its touch (note 8) and passthrough CCs.</summary>
    Module = 2,
}

/// <summary>
/// Overtake state sent to the engine: the mode, the CCs the module lets through to Move
/// (<c>button_passthrough</c>), and whether the engine should skip its LED clear on entry.
/// </summary>
public sealed record OvertakeSettings(OvertakeMode Mode, IReadOnlyList<int> PassthroughCcs, bool SkipLedClear)
{
    public static OvertakeSettings Menu { get; } = new(OvertakeMode.Menu, [], false);
}
