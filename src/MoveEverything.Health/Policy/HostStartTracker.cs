using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Policy;

/// <summary>
/// Counts host starts that never became healthy and decides when the host starts in safe mode (no
/// third-party modules). The protocol, after Firefox's startup-crash detection:
/// <list type="number">
/// <item><see cref="BeginStart"/> runs first and durably marks the start as pending before anything risky.
/// A pending mark left by the previous start means that start never became healthy: it counts.</item>
/// <item><see cref="MarkHealthy"/> (after <see cref="HealthPolicy.HealthyStartAfter"/> of clocked audio) clears
/// the mark and the count. After a healthy start in safe mode the count stays one below the limit, so a
/// normal start gets exactly one more try before safe mode comes back.</item>
/// <item><see cref="MarkCleanExit"/> resolves a start that was shut down on purpose before it became healthy;
/// it neither counts as a failure nor as evidence of health.</item>
/// </list>
/// Only <see cref="HealthPolicy.UnhealthyStartsForSafeMode"/> starts within
/// <see cref="HealthPolicy.UnhealthyStartWindow"/> count. Not thread-safe: one caller (the supervisor).
/// </summary>
public sealed class HostStartTracker(IHostStartStore store, HealthPolicy policy, TimeProvider clock)
{
    public HostStartDecision BeginStart()
    {
        var now = clock.GetUtcNow();
        var record = store.Load();
        var unhealthy = record.UnhealthyStarts.ToList();
        if (record.PendingSince is { } pending) unhealthy.Add(pending);
        unhealthy = unhealthy.Where(t => now - t < policy.UnhealthyStartWindow).Order().ToList();

        bool byCount = unhealthy.Count >= policy.UnhealthyStartsForSafeMode;
        bool safe = byCount || record.SafeModeRequested;
        var saved = store.Save(new HostStartRecord(now, safe, unhealthy, SafeModeRequested: false));
        string? message = !safe ? null : byCount
            ? $"Safe mode: Move Everything did not start properly {unhealthy.Count} times in a row, so third-party modules are off. Re-enable them in Menu > Safe mode."
            : "Safe mode (requested): third-party modules are off. Leave it in Menu > Safe mode.";
        return new HostStartDecision(safe, unhealthy.Count, message, saved.Error);
    }

    public PersistResult MarkHealthy()
    {
        var record = store.Load();
        if (record.PendingSince is null) return PersistResult.Success;
        IReadOnlyList<DateTimeOffset> keep = record.PendingInSafeMode
            ? record.UnhealthyStarts.TakeLast(policy.UnhealthyStartsForSafeMode - 1).ToList()
            : [];
        return store.Save(record with { PendingSince = null, PendingInSafeMode = false, UnhealthyStarts = keep });
    }

    public PersistResult MarkCleanExit()
    {
        var record = store.Load();
        return record.PendingSince is null ? PersistResult.Success
            : store.Save(record with { PendingSince = null, PendingInSafeMode = false });
    }

    /// <summary>The user chose "try a normal start": the count is cleared (the current start is not judged).</summary>
    public PersistResult LeaveSafeMode() => store.Save(store.Load() with { UnhealthyStarts = [] });

    /// <summary>The user asked for safe mode at the next start (button combination at boot, menu).</summary>
    public PersistResult RequestSafeMode() => store.Save(store.Load() with { SafeModeRequested = true });

    public int UnhealthyStartsInRow() => store.Load().UnhealthyStarts.Count;
}
