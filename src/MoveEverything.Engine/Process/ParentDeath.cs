namespace MoveEverything.Engine.Process;

/// <summary>
/// Ties the engine's life to its supervisor's: when the supervisor dies, even by SIGKILL, the kernel sends this
/// process SIGKILL (prctl PR_SET_PDEATHSIG), so no engine outlives `mev` holding the device, the link or realtime
/// priority. The supervisor passes its pid in <see cref="SupervisorPidVariable"/>; a supervisor that died before
/// the prctl call is caught by comparing it with getppid() afterwards. Without the variable (an engine started by
/// hand) nothing is bound. Why SIGKILL and not SIGTERM: a hung engine ignores nothing but SIGKILL.
/// Caveat the supervisor honours: the kernel tracks the parent *thread*, so it forks engines from one long-lived thread.
/// </summary>
internal static class ParentDeath
{
    public const string SupervisorPidVariable = MoveEverything.Ipc.SupervisorEnvironment.PidVariable;
    /// <summary>Binds to the supervisor named by the environment. False when that supervisor is already gone (exit at once).</summary>
    public static bool BindToSupervisor()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(SupervisorPidVariable), out int supervisor)) return true;
        if (LinuxRealtime.DieWithParent() != 0) return true; // not Linux-like: the telemetry thread's orphan check remains
        return LinuxRealtime.getppid() == supervisor;
    }
}
