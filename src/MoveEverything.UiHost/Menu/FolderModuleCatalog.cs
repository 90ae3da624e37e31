using MoveEverything.Modules.Discovery;

namespace MoveEverything.UiHost.Menu;

/// <summary>
/// The menu's module list from <see cref="ModuleDiscovery"/> (scan order, first id wins, <c>hidden</c>,
/// <c>requires_path</c> and <c>scan_packs</c> as the original host applies them). Each root is discovered as a
/// modules root in the order given; an id found under an earlier root shadows the same id under later ones.
/// Hidden modules and manifests with errors are not listed (the scan command reports them).
/// </summary>
public sealed class FolderModuleCatalog(params string[] roots) : IModuleCatalog
{
    private IReadOnlyList<CatalogEntry> _modules = [];

    public IReadOnlyList<CatalogEntry> Modules => _modules;

    public void Refresh()
    {
        var found = new List<CatalogEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots.Where(Directory.Exists))
            foreach (var module in ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = root }).Modules)
                if (seen.Add(module.Id) && !module.IsHidden && module.IsLoadable)
                    found.Add(new CatalogEntry(module.Manifest, module.Folder, module.PackFolder));
        _modules = found;
    }
}
