using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Discovery;

/// <summary>
/// Finds installed modules the way the original host does (schwung-spec §4.1): the built-in root,
/// then the user modules root, then its category folders in the original's order; each direct
/// sub-folder holding a module.json is a module. Invariants: the first folder with a given id wins
/// and later ones are reported with both paths; a module whose <c>requires_path</c> is missing or
/// that says <c>hidden</c> is kept but hidden with a reason; <c>scan_packs</c> hides the base module
/// and adds one virtual module per pack. Never throws on bad folders or files.
/// </summary>
public static class ModuleDiscovery
{
    public static DiscoveryResult Discover(DiscoveryOptions options)
    {
        var diagnostics = new List<ManifestDiagnostic>();
        var candidates = CandidateFolders(options, diagnostics);
        var parsed = new ManifestParseResult[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
            parsed[i] = ManifestParser.Parse(Path.Combine(candidates[i].Folder, "module.json"), options.Parser));

        var modules = new List<DiscoveredModule>();
        var unreadable = new List<UnreadableModule>();
        var duplicates = new List<DiscoveredModule>();
        var byId = new Dictionary<string, DiscoveredModule>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var (folder, source) = candidates[i];
            var result = parsed[i];
            if (result.Manifest is null)
            {
                unreadable.Add(new UnreadableModule(folder, source, result.Diagnostics));
                continue;
            }
            foreach (var module in Expand(new DiscoveredModule(result.Manifest, folder, source, result.Diagnostics), options))
                Admit(module, byId, modules, duplicates, diagnostics);
        }
        return new DiscoveryResult(modules, unreadable, duplicates, diagnostics);
    }

    private static void Admit(DiscoveredModule module, Dictionary<string, DiscoveredModule> byId,
        List<DiscoveredModule> modules, List<DiscoveredModule> duplicates, List<ManifestDiagnostic> diagnostics)
    {
        if (byId.TryGetValue(module.Id, out var first))
        {
            var d = ManifestDiagnostic.Warning(DiagnosticCodes.DuplicateId,
                $"id \"{module.Id}\" in {module.ManifestPath} is already used by {first.ManifestPath}; the first one found is used",
                module.ManifestPath);
            duplicates.Add(module with { Diagnostics = [.. module.Diagnostics, d] });
            diagnostics.Add(d);
            return;
        }
        byId.Add(module.Id, module);
        modules.Add(module);
    }

    /// <summary>Applies hidden, requires_path and scan_packs to one parsed module.</summary>
    private static IEnumerable<DiscoveredModule> Expand(DiscoveredModule module, DiscoveryOptions options)
    {
        var m = module.Manifest;
        if (m.RequiresPath is { } required && !options.PathExists(required))
        {
            var d = ManifestDiagnostic.Info(DiagnosticCodes.RequiredPathMissing,
                $"hidden: it requires {required}, which does not exist on this device", "$.requires_path");
            yield return module with { HiddenReason = $"requires {required}", Diagnostics = [.. module.Diagnostics, d] };
            yield break;
        }
        if (m.Hidden)
        {
            var d = ManifestDiagnostic.Info(DiagnosticCodes.HiddenByManifest, "hidden: its module.json says \"hidden\": true", "$.hidden");
            yield return module with { HiddenReason = "hidden by its module.json", Diagnostics = [.. module.Diagnostics, d] };
            yield break;
        }
        if (m.ScanPacks is null)
        {
            yield return module;
            yield break;
        }
        var packs = PackScanner.Scan(module, options.MaxPacksPerModule);
        var note = ManifestDiagnostic.Info(DiagnosticCodes.PacksExpanded,
            $"listed as {packs.Count} pack module(s) from {m.ScanPacks}/ instead of itself", "$.scan_packs");
        yield return module with { HiddenReason = "replaced by its packs", Diagnostics = [.. module.Diagnostics, note] };
        foreach (var pack in packs) yield return pack;
    }

    /// <summary>Module folders in scan order, each with its source.</summary>
    private static List<(string Folder, ModuleSource Source)> CandidateFolders(DiscoveryOptions options, List<ManifestDiagnostic> diagnostics)
    {
        var found = new List<(string, ModuleSource)>();
        if (options.BuiltinModulesRoot is { } builtin) AddTree(builtin, ModuleSource.Builtin, found);
        AddTree(options.UserModulesRoot, ModuleSource.User, found);
        if (found.Count > options.MaxModules)
        {
            diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.TooManyModules,
                $"{found.Count} module folders found; only the first {options.MaxModules} are scanned", options.UserModulesRoot));
            found.RemoveRange(options.MaxModules, found.Count - options.MaxModules);
        }
        return found;
    }

    private static void AddTree(string root, ModuleSource source, List<(string, ModuleSource)> found)
    {
        AddModuleFolders(root, source, found, skipCategories: true);
        foreach (var category in DiscoveryOptions.CategoryFolders)
            AddModuleFolders(Path.Combine(root, category), source, found, skipCategories: false);
    }

    private static void AddModuleFolders(string parent, ModuleSource source, List<(string, ModuleSource)> found, bool skipCategories)
    {
        foreach (var dir in SafeSubdirectories(parent))
        {
            var name = Path.GetFileName(dir);
            if (name.StartsWith('.') || skipCategories && DiscoveryOptions.CategoryFolders.Contains(name)) continue;
            if (File.Exists(Path.Combine(dir, "module.json"))) found.Add((dir, source));
        }
    }

    /// <summary>Sub-folders sorted ordinally (readdir order is arbitrary; a stable order makes "first wins" reproducible).</summary>
    internal static IEnumerable<string> SafeSubdirectories(string parent)
    {
        try
        {
            if (!Directory.Exists(parent)) return [];
            var dirs = Directory.GetDirectories(parent);
            Array.Sort(dirs, StringComparer.Ordinal);
            return dirs;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
