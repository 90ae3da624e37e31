using MoveEverything.Modules.Manifests;

namespace MoveEverything.UiHost.Menu;

/// <summary>
/// A small discovery for the UI host until MoveEverything.Modules' discovery is wired in: each root is scanned
/// as the original does (root-level module folders, then the category folders sound_generators, audio_fx,
/// midi_fx, utilities, other, overtake, tools); first id wins; <c>hidden</c> modules and those whose
/// <c>requires_path</c> is missing are skipped; manifests with errors are skipped (the scan command reports them).
/// </summary>
public sealed class FolderModuleCatalog(params string[] roots) : IModuleCatalog
{
    public static readonly string[] CategoryFolders = ["sound_generators", "audio_fx", "midi_fx", "utilities", "other", "overtake", "tools"];

    private IReadOnlyList<CatalogEntry> _modules = [];

    public IReadOnlyList<CatalogEntry> Modules => _modules;

    public void Refresh()
    {
        var found = new List<CatalogEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots.Where(Directory.Exists))
            foreach (var parent in new[] { root }.Concat(CategoryFolders.Select(c => Path.Combine(root, c))).Where(Directory.Exists))
                foreach (var folder in Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal))
                {
                    var path = Path.Combine(folder, "module.json");
                    if (!File.Exists(path)) continue;
                    var result = ManifestParser.Parse(path);
                    if (!result.IsLoadable || result.Manifest is not { } m) continue;
                    if (m.Hidden || (m.RequiresPath is { } req && !Path.Exists(req))) continue;
                    if (seen.Add(m.Id)) found.Add(new CatalogEntry(m, folder));
                }
        _modules = found;
    }
}
