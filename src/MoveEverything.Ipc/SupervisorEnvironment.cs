namespace MoveEverything.Ipc;

/// <summary>What the supervisor tells the processes it starts (engine, standby, UI host) through their environment.</summary>
public static class SupervisorEnvironment
{
    /// <summary>
    /// The supervisor's pid. A child compares it with its parent pid so that it never outlives a supervisor killed by
    /// SIGKILL: the engine through PR_SET_PDEATHSIG, the UI host by watching (it leaves its module cleanly first).
    /// </summary>
    public const string PidVariable = "MEV_SUPERVISOR_PID";
}
