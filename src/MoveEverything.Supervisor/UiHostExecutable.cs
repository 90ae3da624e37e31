using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// Finds the UI host process the way <see cref="EngineExecutable"/> finds the engine: beside the current assembly
/// (the CLI references the UI host project, so it is copied next to <c>mev</c>), the apphost else the dll via dotnet.
/// </summary>
public static class UiHostExecutable
{
    public const string AppHostName = "MoveEverything.UiHost";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string? folder = null)
    {
        var info = Ipc.ChildExecutable.StartInfo(folder ?? AppContext.BaseDirectory, AppHostName, arguments);
        // The UI host watches this pid and leaves when the supervisor is gone (see SupervisorWatch in the UI host).
        info.Environment[Ipc.SupervisorEnvironment.PidVariable] = Environment.ProcessId.ToString();
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        return info;
    }
}
