namespace MoveEverything.UiHost.Menu;

/// <summary>The modules the menu can show (discovery's result). Re-read on <see cref="Refresh"/>.</summary>
public interface IModuleCatalog
{
    IReadOnlyList<CatalogEntry> Modules { get; }

    void Refresh();
}
