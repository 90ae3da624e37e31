namespace MoveEverything.UiHost.Tests;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries holding MoveEverything.slnx.</summary>
    public static string Root { get; } = Find();

    public static string BuiltinModules => Path.Combine(Root, "modules");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MoveEverything.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
