using System.Reflection;

namespace MoveEverything.Architecture.Tests;

/// <summary>
/// The layers of docs/ARCHITECTURE.md as assembly references: each project may use only the projects listed
/// for it, so the engine can never pick up the UI host, Jint or a logging package by accident, and nothing
/// depends on the CLI. Checked on the compiled assemblies (what the IL really references), not on source text.
/// </summary>
public class LayerDependencyTests
{
    private static readonly Dictionary<string, string[]> AllowedOwnReferences = new()
    {
        ["MoveEverything.Storage"] = [],
        ["MoveEverything.Hardware"] = ["MoveEverything.Ipc"],
        ["MoveEverything.Ipc"] = [],
        ["MoveEverything.Modules"] = [],
        ["MoveEverything.Boot"] = ["MoveEverything.Storage"],
        ["MoveEverything.Launcher"] = ["MoveEverything.Boot", "MoveEverything.Storage"],
        ["MoveEverything.Engine"] = ["MoveEverything.Hardware", "MoveEverything.Ipc"],
        ["MoveEverything.Health"] = ["MoveEverything.Storage", "MoveEverything.Modules"],
        ["MoveEverything.UiHost"] = ["MoveEverything.Ipc", "MoveEverything.Hardware", "MoveEverything.Modules",
            "MoveEverything.Health", "MoveEverything.Storage", "MoveEverything.Boot"],
        ["MoveEverything.Supervisor"] = ["MoveEverything.Ipc", "MoveEverything.Hardware", "MoveEverything.Modules",
            "MoveEverything.Health", "MoveEverything.Storage"],
        ["MoveEverything.Simulator"] = ["MoveEverything.Hardware", "MoveEverything.Ipc", "MoveEverything.Supervisor",
            "MoveEverything.Modules", "MoveEverything.Health", "MoveEverything.Storage"],
    };

    /// <summary>Third-party packages the realtime engine must never load: they allocate or run scripts.</summary>
    private static readonly string[] ForbiddenInEngine = ["Jint", "Acornima", "Microsoft.Extensions.Logging",
        "Microsoft.Extensions.Logging.Abstractions", "Spectre.Console", "System.CommandLine"];

    private static Assembly Load(string name) =>
        Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll"));

    public static TheoryData<string> Projects() => new(AllowedOwnReferences.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_uses_only_the_layers_below_it(string project)
    {
        var own = Load(project).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("MoveEverything.", StringComparison.Ordinal) || n == "mev")
            .ToList();
        var forbidden = own.Except(AllowedOwnReferences[project]).ToList();
        Assert.True(forbidden.Count == 0,
            $"{project} references {string.Join(", ", forbidden)}; allowed: {string.Join(", ", AllowedOwnReferences[project])}");
    }

    [Fact]
    public void Engine_references_no_script_logging_or_console_library()
    {
        var names = Load("MoveEverything.Engine").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Empty(names.Intersect(ForbiddenInEngine));
    }

    [Fact]
    public void Every_project_in_src_is_covered_by_the_layer_table()
    {
        var srcFolder = Path.Combine(RepoRoot(), "src");
        var projects = Directory.GetDirectories(srcFolder).Select(Path.GetFileName)
            .Where(n => n != "MoveEverything.Cli").ToList();
        Assert.NotEmpty(projects);
        Assert.Empty(projects.Except(AllowedOwnReferences.Keys));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MoveEverything.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
