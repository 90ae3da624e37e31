using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// Finds the UI host process the way <see cref="EngineExecutable"/> finds the engine: beside the current assembly
/// (the CLI references the UI host project, so it is copied next to <c>mev</c>), the apphost else the dll via dotnet.
/// </summary>
public static class UiHostExecutable
{
    public const string AppHostName = "MoveEverything.UiHost", DllName = "MoveEverything.UiHost.dll";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string? folder = null)
    {
        folder ??= AppContext.BaseDirectory;
        string apphost = Path.Combine(folder, AppHostName), dll = Path.Combine(folder, DllName);
        ProcessStartInfo info;
        if (File.Exists(apphost)) info = new ProcessStartInfo(apphost);
        else if (File.Exists(dll)) { info = new ProcessStartInfo("dotnet"); info.ArgumentList.Add(dll); }
        else throw new FileNotFoundException($"UI host executable not found in {folder}", apphost);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        // The UI host watches this pid and leaves when the supervisor is gone (see SupervisorWatch in the UI host).
        info.Environment[Ipc.SupervisorEnvironment.PidVariable] = Environment.ProcessId.ToString();
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        return info;
    }
}
