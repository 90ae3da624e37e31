using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Discovery;

/// <summary>Everything one discovery pass found, in scan order.</summary>
/// <param name="Modules">One entry per id (first wins), hidden ones included with their reason.</param>
/// <param name="Unreadable">Folders whose module.json gave no manifest.</param>
/// <param name="Duplicates">Later folders whose id was already taken; each carries a duplicate-id diagnostic naming both paths.</param>
/// <param name="Diagnostics">Scan-level findings (duplicates, skipped folders, the module cap).</param>
public sealed record DiscoveryResult(
    IReadOnlyList<DiscoveredModule> Modules,
    IReadOnlyList<UnreadableModule> Unreadable,
    IReadOnlyList<DiscoveredModule> Duplicates,
    IReadOnlyList<ManifestDiagnostic> Diagnostics)
{
    /// <summary>The modules a menu lists: not hidden.</summary>
    public IEnumerable<DiscoveredModule> Visible => Modules.Where(m => !m.IsHidden);

    public DiscoveredModule? Find(string id) => Modules.FirstOrDefault(m => m.Id == id);
}
