using MoveEverything.Health.States;

namespace MoveEverything.Health.Records;

/// <summary>
/// What the host remembers about one module across restarts: whether it is disabled (and why) and its
/// unforgiven strikes, oldest first, each a crash fingerprint. Invariant: strikes are ordered by time and
/// never exceed <see cref="Policy.HealthPolicy.StrikeHistoryLimit"/> once written by the ledger.
/// </summary>
public sealed record ModuleHealthRecord(string ModuleId, DisableMark? Disabled, IReadOnlyList<CrashFingerprint> Strikes)
{
    public static ModuleHealthRecord Empty(string moduleId) => new(moduleId, null, []);

    /// <summary>True when the record carries nothing worth keeping (the store may drop it).</summary>
    public bool IsEmpty => Disabled is null && Strikes.Count == 0;

    public CrashFingerprint? LastFault => Strikes.Count == 0 ? null : Strikes[^1];
}
