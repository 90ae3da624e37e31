namespace MoveEverything.Supervisor;

/// <summary>Every limit of the supervisor in one place.</summary>
public sealed record SupervisorOptions
{
    /// <summary>A running engine whose heartbeat has not moved for this long is declared hung and killed, in ms. Default 100.</summary>
    public int HangTimeoutMs { get; init; } = 100;

    /// <summary>How often the watchdog looks at the heartbeat and drains the log rings, in ms. Default 10.</summary>
    public int WatchdogPeriodMs { get; init; } = 10;

    /// <summary>Time a freshly started engine has to produce its first heartbeat (JIT, plugin init), in ms. Default 10000.</summary>
    public int StartTimeoutMs { get; init; } = 10_000;

    /// <summary>Delay before the first restart after a death, in ms; doubles per consecutive death. Default 50.</summary>
    public int RestartBackoffInitialMs { get; init; } = 50;

    /// <summary>Upper bound of the restart delay, in ms. Default 5000.</summary>
    public int RestartBackoffMaxMs { get; init; } = 5_000;

    /// <summary>An engine that ran this long without dying resets the backoff, in ms. Default 30000.</summary>
    public int HealthyRunResetsBackoffMs { get; init; } = 30_000;

    /// <summary>Restarts allowed in total before the supervisor gives up (the Health policy usually acts first). Default 100.</summary>
    public int MaxRestarts { get; init; } = 100;

    /// <summary>Grace period for an engine asked to stop (SIGTERM) before it is killed, in ms. Default 2000.</summary>
    public int StopGraceMs { get; init; } = 2_000;
}
