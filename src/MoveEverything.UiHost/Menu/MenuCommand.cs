using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Menu;

/// <summary>What the menu asks the host loop to do.</summary>
public abstract record MenuCommand
{
    /// <summary>Start a module's UI (overtake/tool, or the editor of a slot's module).</summary>
    public sealed record Open(CatalogEntry Entry, LaunchKind Kind, int Slot) : MenuCommand;

    /// <summary>Put a sound generator / effect into a chain slot (0–3).</summary>
    public sealed record AssignSlot(CatalogEntry Entry, int Slot) : MenuCommand;

    /// <summary>Empty a chain slot.</summary>
    public sealed record ClearSlot(int Slot, Link.DspComponent Component) : MenuCommand;
}
