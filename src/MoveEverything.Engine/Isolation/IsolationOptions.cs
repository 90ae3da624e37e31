namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Every limit of the DSP workers in one place (docs/CONTAINMENT.md justifies the defaults). Which modules are
/// isolated is <see cref="Process.EngineOptions.Isolation"/> with <see cref="IsolationPolicy"/>; when a module has
/// earned trust is the Health layer's policy (probation), not the engine's.
/// </summary>
public sealed record IsolationOptions
{
    /// <summary>
    /// A worker whose heartbeat has not moved for this long is declared hung and killed, in ms. Default 80, as the
    /// supervisor's engine timeout: blamed within 100 ms of the call's entry with the 5 ms watch period.
    /// </summary>
    public int HangTimeoutMs { get; init; } = 80;

    /// <summary>How often the worker watchdog looks at every worker, in ms. Default 5.</summary>
    public int WatchPeriodMs { get; init; } = 5;

    /// <summary>Longest futex sleep of an idle worker, so its heartbeat moves without requests, in ms. Default 20 (&lt; half the hang timeout).</summary>
    public int IdleWakeMs { get; init; } = 20;

    /// <summary>Time a worker has to load its plugin and report ready (process start, JIT, create_instance), in ms. Default 10000.</summary>
    public int StartTimeoutMs { get; init; } = 10_000;

    /// <summary>Delay before the first worker restart after a fault, in ms; doubles per consecutive fault. Default 50.</summary>
    public int RestartBackoffInitialMs { get; init; } = 50;

    /// <summary>Upper bound of the restart delay, in ms. Default 5000.</summary>
    public int RestartBackoffMaxMs { get; init; } = 5_000;

    /// <summary>A worker that ran this long without a fault resets its backoff, in ms. Default 30000.</summary>
    public int HealthyRunResetsBackoffMs { get; init; } = 30_000;

    /// <summary>
    /// Consecutive blocks without the worker's answer, while its heartbeat still moves, before the slot is bypassed as
    /// over budget. Default 32 (≈ 93 ms): longer than a scheduling hiccup of a loaded machine, short enough that a
    /// plugin needing 50 ms per block is bypassed within a tenth of a second.
    /// </summary>
    public int LateAnswersBeforeBypass { get; init; } = 32;

    /// <summary>
    /// How long the engine's control thread waits for a worker's get_param answer before replying "none", in ms.
    /// Default 100: a worker answers between two renders (within a block or two); a worker stuck longer is hung, and
    /// the watchdog's hang timeout takes it from there. Only the control thread waits; the block thread never does.
    /// </summary>
    public int ParamQueryTimeoutMs { get; init; } = 100;

    /// <summary>Round-trip samples kept per worker for the benchmark (blocks). Default 4096.</summary>
    public int RoundTripWindow { get; init; } = 4096;

    public static IsolationOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid property.</summary>
    public IsolationOptions Validate()
    {
        Require(HangTimeoutMs >= 10, nameof(HangTimeoutMs), HangTimeoutMs);
        Require(WatchPeriodMs is >= 1 and <= 1000, nameof(WatchPeriodMs), WatchPeriodMs);
        Require(IdleWakeMs >= 1 && IdleWakeMs * 2 < HangTimeoutMs, nameof(IdleWakeMs), IdleWakeMs);
        Require(StartTimeoutMs >= 100, nameof(StartTimeoutMs), StartTimeoutMs);
        Require(RestartBackoffInitialMs >= 0 && RestartBackoffMaxMs >= RestartBackoffInitialMs, nameof(RestartBackoffMaxMs), RestartBackoffMaxMs);
        Require(LateAnswersBeforeBypass >= 1, nameof(LateAnswersBeforeBypass), LateAnswersBeforeBypass);
        Require(RoundTripWindow >= 16, nameof(RoundTripWindow), RoundTripWindow);
        Require(ParamQueryTimeoutMs is >= 1 and <= 10_000, nameof(ParamQueryTimeoutMs), ParamQueryTimeoutMs);
        return this;
    }

    private static void Require(bool condition, string name, object value)
    {
        if (!condition) throw new ArgumentOutOfRangeException(name, value, $"IsolationOptions.{name} is out of range");
    }
}
