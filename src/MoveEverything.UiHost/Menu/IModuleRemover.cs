namespace MoveEverything.UiHost.Menu;

/// <summary>Carries out the menu's "Remove" (the same code path as <c>mev modules remove</c>).</summary>
public interface IModuleRemover
{
    /// <summary>Removes <paramref name="entry"/> whatever its state or verdict; <paramref name="installed"/> is every
    /// module the menu knows (so a crash-interrupted removal of another id is finished correctly).</summary>
    RemovalOutcome Remove(CatalogEntry entry, IReadOnlyList<CatalogEntry> installed);
}
