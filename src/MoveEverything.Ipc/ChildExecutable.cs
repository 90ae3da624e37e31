using System.Diagnostics;

namespace MoveEverything.Ipc;

/// <summary>
/// Finds one of our executables (engine, DSP worker, UI host) beside the assembly that starts it: they are built
/// into the same output folder as whatever references them (CLI, tests). The apphost is preferred; else the dll
/// runs through the dotnet host that runs us. One lookup for the supervisor and the engine.
/// </summary>
public static class ChildExecutable
{
    /// <summary>
    /// A start info for <paramref name="appHostName"/> in <paramref name="folder"/> with <paramref name="arguments"/>,
    /// no shell. Throws <see cref="FileNotFoundException"/> naming the folder when neither apphost nor dll is there.
    /// </summary>
    public static ProcessStartInfo StartInfo(string folder, string appHostName, IEnumerable<string> arguments)
    {
        string apphost = Path.Combine(folder, appHostName), dll = apphost + ".dll";
        ProcessStartInfo info;
        if (File.Exists(apphost)) info = new ProcessStartInfo(apphost);
        else if (File.Exists(dll)) { info = new ProcessStartInfo(DotnetHost()); info.ArgumentList.Add(dll); }
        else throw new FileNotFoundException($"{appHostName} not found in {folder}", apphost);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.UseShellExecute = false;
        return info;
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        return self != null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
