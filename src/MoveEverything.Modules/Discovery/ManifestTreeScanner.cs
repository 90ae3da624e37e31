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
        var files = FindManifests(root);
        var results = new ScannedManifest[files.Count];
        Parallel.For(0, files.Count, i =>
            results[i] = new ScannedManifest(files[i], Manifests.ManifestParser.Parse(Path.Combine(root, files[i]), options)));
        return results;
    }

    /// <summary>Paths ('/'-separated, relative to <paramref name="root"/>, sorted ordinally) of every module.json below it.</summary>
    public static IReadOnlyList<string> FindManifests(string root)
    {
        if (!Directory.Exists(root)) return [];
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            MatchCasing = MatchCasing.CaseSensitive,
        };
        return Directory.EnumerateFiles(root, "module.json", enumeration)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
