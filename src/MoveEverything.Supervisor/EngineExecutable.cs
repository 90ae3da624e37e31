using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// Finds and starts the engine process. The engine is built next to whatever references it (CLI, tests), so
/// it is looked up beside the current assembly: the apphost <c>MoveEverything.Engine</c>, else the dll via dotnet.
/// </summary>
public static class EngineExecutable
{
    public const string AppHostName = "MoveEverything.Engine";

    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, string? folder = null)
    {
        var info = Ipc.ChildExecutable.StartInfo(folder ?? AppContext.BaseDirectory, AppHostName, arguments);
        // The engine must not collect: no background GC thread and no tiered re-JIT, whatever its runtimeconfig says.
        info.Environment["DOTNET_gcConcurrent"] = "0";
        info.Environment["DOTNET_TieredCompilation"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        // The engine binds its life to ours (PR_SET_PDEATHSIG) and checks this pid to close the race with our death.
        info.Environment[SupervisorPidVariable] = Environment.ProcessId.ToString();
        return info;
    }

    /// <summary>The engine's environment variable naming the supervisor (see the engine's ParentDeath).</summary>
    public const string SupervisorPidVariable = MoveEverything.Ipc.SupervisorEnvironment.PidVariable;

    /// <summary>
    /// A warm standby engine (`standby` mode), with stdin (activation) and stdout ("ready") redirected. With
    /// <paramref name="lockMemory"/> (the engine will run realtime) it locks its pages while parked.
    /// </summary>
    public static ProcessStartInfo StandbyStartInfo(int warmupBlocks, bool lockMemory, string? folder = null)
    {
        List<string> args = ["standby", "--warmup-blocks", warmupBlocks.ToString()];
        if (lockMemory) args.Add("--lock-memory");
        var info = StartInfo(args, folder);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        return info;
    }
}
