namespace MoveEverything.Modules.Discovery;

/// <summary>
/// Finds every module.json below a directory at any depth (a repository checkout, a corpus, an
/// unpacked tarball) and parses each. Unlike <see cref="ModuleDiscovery"/> it applies no layout
/// rules; it is the author's and auditor's view. Symbolic-link folders are not followed (no loops).
/// Results are sorted by path (ordinal).
/// </summary>
public static class ManifestTreeScanner
{
    public static IReadOnlyList<ScannedManifest> Scan(string root, Manifests.ManifestParserOptions? options = null)
    {
        if (!Directory.Exists(root)) return [];
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchCasing = MatchCasing.CaseSensitive,
        };
        var files = Directory.EnumerateFiles(root, "module.json", enumeration)
            .Select(f => (Full: f, Rel: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Rel, StringComparer.Ordinal)
            .ToArray();
        var results = new ScannedManifest[files.Length];
        Parallel.For(0, files.Length, i =>
            results[i] = new ScannedManifest(files[i].Rel, Manifests.ManifestParser.Parse(files[i].Full, options)));
        return results;
    }
}
