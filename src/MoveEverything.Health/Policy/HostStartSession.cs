using MoveEverything.Health.Persistence;

namespace MoveEverything.Health.Policy;

/// <summary>
/// One host start as the process that runs the host (the supervisor, `mev sim`) lives it, over
/// <see cref="HostStartTracker"/>: <see cref="Begin"/> first (durable pending mark; the answer says whether this start
/// is in host safe mode), <see cref="ReportClockedAudio"/> as audio runs (marks the start healthy once, after
/// <see cref="HealthPolicy.HealthyStartAfter"/> of clocked audio), <see cref="End"/> on an intended stop (resolves a start
/// that was not yet healthy without counting it). A start that never gets to either — the process was killed, the engine
/// never produced audio and the run gave up with an error — stays pending and counts as unhealthy at the next Begin.
/// Not thread-safe: one caller.
/// </summary>
public sealed class HostStartSession(HostStartTracker tracker, HealthPolicy policy)
{
    public HostStartSession(IHostStartStore store, HealthPolicy policy, TimeProvider clock)
        : this(new HostStartTracker(store, policy, clock), policy) { }

    public bool Healthy { get; private set; }

    public HostStartDecision Begin() => tracker.BeginStart();

    /// <summary><paramref name="clocked"/>: audio time the engine has produced since this start (across engine restarts).</summary>
    public PersistResult ReportClockedAudio(TimeSpan clocked)
    {
        if (Healthy || clocked < policy.HealthyStartAfter) return PersistResult.Success;
        Healthy = true;
        return tracker.MarkHealthy();
    }

    public PersistResult End() => Healthy ? PersistResult.Success : tracker.MarkCleanExit();
}
