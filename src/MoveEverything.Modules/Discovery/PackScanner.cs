using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Discovery;

/// <summary>
/// Expands a module's <c>scan_packs</c> folder into virtual modules (schwung-spec §4.1): every
/// sub-folder named <c>*.rnbopack</c> or holding an <c>info.json</c> is a pack; the virtual module
/// has id <c>&lt;id&gt;-&lt;pack&gt;</c>, name <c>"&lt;pack&gt; (&lt;base name&gt;)"</c> and defaults
/// <c>{"pack":"&lt;pack folder path&gt;"}</c>. Pack folders whose names are not safe ids are skipped.
/// </summary>
internal static class PackScanner
{
    private const string PackSuffix = ".rnbopack";

    public static List<DiscoveredModule> Scan(DiscoveredModule module, int maxPacks)
    {
        var m = module.Manifest;
        var packsRoot = Path.Combine(module.Folder, m.ScanPacks!);
        var packs = new List<DiscoveredModule>();
        foreach (var dir in ModuleDiscovery.SafeSubdirectories(packsRoot))
        {
            if (packs.Count >= maxPacks) break;
            var folderName = Path.GetFileName(dir);
            var isPack = folderName.EndsWith(PackSuffix, StringComparison.Ordinal) || File.Exists(Path.Combine(dir, "info.json"));
            var pack = folderName.EndsWith(PackSuffix, StringComparison.Ordinal) ? folderName[..^PackSuffix.Length] : folderName;
            if (!isPack || !ModuleIds.IsSafe(pack)) continue;
            var defaults = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["pack"] = dir });
            var manifest = m with { Id = $"{m.Id}-{pack}", Name = $"{pack} ({m.Name})", DefaultsJson = defaults, ScanPacks = null };
            packs.Add(module with { Manifest = manifest, PackFolder = dir });
        }
        return packs;
    }
}
