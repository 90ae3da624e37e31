using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// Finds and starts the engine process. The engine is built next to whatever references it (CLI, tests), so
/// it is looked up beside the current assembly: the apphost <c>MoveEverything.Engine</c>, else the dll via dotnet.
/// </summary>
public static class EngineExecutable
{
    public const string AppHostName = "MoveEverything.Engine", DllName = "MoveEverything.Engine.dll";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string? folder = null)
    {
        folder ??= AppContext.BaseDirectory;
        string apphost = Path.Combine(folder, AppHostName), dll = Path.Combine(folder, DllName);
        ProcessStartInfo info;
        if (File.Exists(apphost)) info = new ProcessStartInfo(apphost);
        else if (File.Exists(dll)) { info = new ProcessStartInfo(DotnetHost()); info.ArgumentList.Add(dll); }
        else throw new FileNotFoundException($"engine executable not found in {folder}", apphost);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.UseShellExecute = false;
        // The engine must not collect: no background GC thread and no tiered re-JIT, whatever its runtimeconfig says.
        info.Environment["DOTNET_gcConcurrent"] = "0";
        info.Environment["DOTNET_TieredCompilation"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        return info;
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self != null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
