namespace MoveEverything.Simulator.Tests.Stack;

/// <summary>Where the repository's built-in modules are, found from the test binaries upwards.</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MoveEverything.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root (MoveEverything.slnx) not found above " + AppContext.BaseDirectory);
    }

    public static string Modules => Path.Combine(Root(), "modules");
}
