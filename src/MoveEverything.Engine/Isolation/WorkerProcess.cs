using System.Diagnostics;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Starts and ends one worker process (the engine executable in worker mode, found beside this assembly).
/// Control/watchdog threads only.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;

    private WorkerProcess(System.Diagnostics.Process process) => _process = process;

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    /// <summary>The signal that ended it (exit status &gt; 128), else null.</summary>
    public int? Signal => _process.HasExited && _process.ExitCode > 128 ? _process.ExitCode - 128 : null;

    public static WorkerProcess Start(WorkerArguments arguments)
    {
        var info = StartInfo(arguments.ToArgs());
        var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("worker process did not start");
        return new WorkerProcess(process);
    }

    /// <summary>The engine executable beside this assembly (<see cref="ChildExecutable"/>), in worker mode's environment.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        string folder = Path.GetDirectoryName(typeof(WorkerProcess).Assembly.Location) ?? AppContext.BaseDirectory;
        var info = ChildExecutable.StartInfo(folder, "MoveEverything.Engine", arguments);
        // Same rule as the engine (no background GC, no re-JIT in steady state), but start fast: tiered compilation stays
        // on for start-up code, and the worker's per-block methods are AggressiveOptimization (never re-JITted).
        info.Environment["DOTNET_gcConcurrent"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        info.Environment["DOTNET_TieredCompilation"] = "1";
        return info;
    }

    /// <summary>SIGKILL and reap (hung worker, or shutdown).</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        try { _process.Kill(); } catch (InvalidOperationException) { }
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
