namespace MoveEverything.Supervisor;

/// <summary>Every limit of the supervisor in one place.</summary>
public sealed record SupervisorOptions
{
    /// <summary>
    /// A running engine whose heartbeat has not moved for this long is declared hung and killed, in ms. Default 80: with
    /// the 10 ms watchdog period the hang is blamed within issue 4's 100 ms of the call's entry (at 100 it was 110–120 ms).
    /// 80 ms is 27 blocks: no healthy plugin call takes that, and the VM stalls measured in docs/REALTIME.md stay below 30 ms.
    /// </summary>
    public int HangTimeoutMs { get; init; } = 80;

    /// <summary>How often the watchdog looks at the heartbeat and drains the log rings, in ms. Default 10.</summary>
    public int WatchdogPeriodMs { get; init; } = 10;

    /// <summary>
    /// SCHED_FIFO priority of the watchdog thread when the engine runs realtime (0 = leave it normal). Default 70:
    /// below the engine's block thread (80), above every normal thread, so a hang is seen within the timeout even
    /// when a hung plugin spins on one core and the machine is busy on the others. Refused → runs normal.
    /// </summary>
    public int WatchdogPriority { get; init; } = 70;

    /// <summary>Time a freshly started engine has to produce its first heartbeat (JIT, plugin init), in ms. Default 10000.</summary>
    public int StartTimeoutMs { get; init; } = 10_000;

    /// <summary>
    /// Restart delay after the second death in a row, in ms; doubles per further consecutive death. Default 50. The first
    /// restart after a healthy run is immediate: backoff exists to stop crash loops, and one death is not a loop yet.
    /// </summary>
    public int RestartBackoffInitialMs { get; init; } = 50;

    /// <summary>Upper bound of the restart delay, in ms. Default 5000.</summary>
    public int RestartBackoffMaxMs { get; init; } = 5_000;

    /// <summary>An engine that ran this long without dying resets the backoff, in ms. Default 30000.</summary>
    public int HealthyRunResetsBackoffMs { get; init; } = 30_000;

    /// <summary>Restarts allowed in total before the supervisor gives up (the Health policy usually acts first). Default 100.</summary>
    public int MaxRestarts { get; init; } = 100;

    /// <summary>
    /// Keep a warm standby engine (started, JIT-compiled, parked without realtime priority) and activate it when the
    /// engine dies, instead of starting .NET from cold. Default true. Costs one idle process (≈ 30–40 MB RSS).
    /// </summary>
    public bool WarmStandby { get; init; } = true;

    /// <summary>Blocks the standby runs on its scratch channel to JIT-compile the block path before parking. Default 1000.</summary>
    public int StandbyWarmupBlocks { get; init; } = 1_000;

    /// <summary>
    /// A standby for a realtime engine locks its pages (mlockall) while parked, so activation skips the lock that
    /// otherwise takes ≈ 40–170 ms here. Default true. Costs RAM: ≈ 136 MB RSS parked instead of ≈ 34 MB (measured
    /// on x86-64; the same as the playing engine's locked footprint).
    /// </summary>
    public bool StandbyLocksMemory { get; init; } = true;

    /// <summary>
    /// Delay before a replacement standby is started after an engine start, in ms, so that its .NET start and JIT do
    /// not compete (2 cores) with the engine that has just started. Default 500.
    /// </summary>
    public int StandbyRespawnDelayMs { get; init; } = 500;

    /// <summary>Grace period for an engine asked to stop (SIGTERM) before it is killed, in ms. Default 2000.</summary>
    public int StopGraceMs { get; init; } = 2_000;
}
