namespace MoveEverything.Modules.Tests.Support;

/// <summary>Where the repository and the shared reference data (<c>&lt;repo&gt;/../shared</c>) are.</summary>
internal static class RepoPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
    public static string Corpus => Path.Combine(Shared, "corpus");
    public static string TestProject => Path.Combine(RepoRoot, "tests", "MoveEverything.Modules.Tests");

    /// <summary>Every module.json of the corpus, as paths relative to <see cref="Corpus"/>, sorted ordinally.</summary>
    public static IReadOnlyList<string> CorpusManifests() =>
        Directory.EnumerateFiles(Corpus, "module.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Corpus, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MoveEverything.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root (MoveEverything.slnx) not found above " + AppContext.BaseDirectory);
    }
}
