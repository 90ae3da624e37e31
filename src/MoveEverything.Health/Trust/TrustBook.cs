using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Trust;

/// <summary>
/// Keeps every module's <see cref="TrustRecord"/> and answers the trust decision. Reporters (the UI host for loads,
/// unloads and faults, the supervisor's crash sink for engine deaths) call the Record* methods; each change goes
/// through <see cref="ITrustStore"/> (durable before the call returns; on a write failure the change is kept in
/// memory and the typed failure returned). Thread-safe: one lock around the cache and the store.
/// </summary>
public sealed class TrustBook
{
    private readonly object _gate = new();
    private readonly ITrustStore _store;
    private readonly TimeProvider _clock;
    private Dictionary<string, TrustRecord> _records = new(StringComparer.Ordinal);

    public TrustBook(ITrustStore store, HealthPolicy policy, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
        Policy = policy;
        LoadNotes = Refresh();
    }

    public HealthPolicy Policy { get; }

    /// <summary>What was repaired when the records were last loaded.</summary>
    public IReadOnlyList<RepairNote> LoadNotes { get; private set; }

    /// <summary>Re-reads the store (another process may have recorded meanwhile).</summary>
    public IReadOnlyList<RepairNote> Refresh()
    {
        var load = _store.LoadAll();
        lock (_gate) _records = load.Entries.ToDictionary(r => r.ModuleId, StringComparer.Ordinal);
        LoadNotes = load.Notes;
        return load.Notes;
    }

    /// <summary>The record that counts for the module at <paramref name="version"/> (fresh after an update; nothing is written).</summary>
    public TrustRecord Of(string moduleId, string version)
    {
        lock (_gate) return TrustLedger.Current(_records.GetValueOrDefault(moduleId), moduleId, version, _clock.GetUtcNow());
    }

    public TrustDecision Decide(TrustRequest module) =>
        TrustPolicy.Decide(module, Of(module.ModuleId, module.ModuleVersion), Policy, _clock.GetUtcNow());

    public PersistResult RecordCleanLoad(string moduleId, string version) =>
        Change(moduleId, (r, now) => TrustLedger.CleanLoad(r, moduleId, version, now));

    public PersistResult RecordCleanRun(string moduleId, string version, TimeSpan ranFor) =>
        Change(moduleId, (r, now) => TrustLedger.CleanRun(r, moduleId, version, ranFor, now));

    /// <summary>A crash, hang, bypass or script fault; <paramref name="version"/> null or "unknown" counts against the stored record.</summary>
    public PersistResult RecordFault(string moduleId, string? version) =>
        Change(moduleId, (r, now) => TrustLedger.Fault(r, moduleId, version, now));

    private PersistResult Change(string moduleId, Func<TrustRecord?, DateTimeOffset, TrustRecord> change)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            var persisted = _store.Update(moduleId, r => change(r, now), out var after);
            if (!persisted.Ok) after = change(_records.GetValueOrDefault(moduleId), now);
            _records[moduleId] = after;
            return persisted;
        }
    }
}
