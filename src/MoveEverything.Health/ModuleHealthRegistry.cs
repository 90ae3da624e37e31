using System.Diagnostics;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;
using MoveEverything.Health.States;

namespace MoveEverything.Health;

/// <summary>
/// The one place that knows every module's health. Runtime reporters (the supervisor, the engine's
/// fault reader, the UI host's JS runtime, the CPU-budget watcher) call the Report* methods; the menu and
/// the CLI read <see cref="StateOf"/> / <see cref="Snapshot"/> and call <see cref="Disable"/> / <see cref="Enable"/>.
/// Persisted part (disable marks and strikes) goes through <see cref="IModuleHealthStore"/> before a call
/// returns; live part (Loading, Running, Bypassed, …) lives only in this process.
/// Concurrency: thread-safe; every public member takes the one lock (<c>_gate</c>), methods ending in
/// <c>Locked</c> expect it held. <see cref="StateChanged"/> handlers run after the lock is released.
/// Invariant: a module with a disable mark has no live state (nothing can report it Running).
/// </summary>
public sealed partial class ModuleHealthRegistry
{
    private readonly object _gate = new();
    private readonly IModuleHealthStore _store;
    private readonly StrikeLedger _ledger;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, ModuleStatus> _live = new(StringComparer.Ordinal);
    private Dictionary<string, ModuleHealthRecord> _records = new(StringComparer.Ordinal);

    public ModuleHealthRegistry(IModuleHealthStore store, HealthPolicy policy, TimeProvider clock)
    {
        _store = store;
        _ledger = new StrikeLedger(policy, clock);
        _clock = clock;
        LoadNotes = Refresh();
    }

    /// <summary>What was repaired when the persisted state was last loaded (shown once at start-up).</summary>
    public IReadOnlyList<RepairNote> LoadNotes { get; private set; }

    /// <summary>Raised after a module's status changed; runs outside the lock (handlers may call back in).</summary>
    public event Action<ModuleStatus>? StateChanged;

    public HealthPolicy Policy => _ledger.Policy;

    /// <summary>Re-reads the persisted state (e.g. after `mev modules enable` changed it). Takes the lock.</summary>
    public IReadOnlyList<RepairNote> Refresh()
    {
        var load = _store.LoadAll();
        lock (_gate)
        {
            _records = load.Entries.ToDictionary(r => r.ModuleId, StringComparer.Ordinal);
            foreach (var id in _records.Where(r => r.Value.Disabled is not null).Select(r => r.Key)) _live.Remove(id);
            LoadNotes = load.Notes;
            AssertInvariants();
        }
        return load.Notes;
    }

    /// <summary>Takes the lock.</summary>
    public ModuleStatus StateOf(string moduleId)
    {
        lock (_gate) return StatusLocked(moduleId);
    }

    /// <summary>Every module the registry has heard of (live or persisted), sorted by id. Takes the lock.</summary>
    public IReadOnlyList<ModuleStatus> Snapshot()
    {
        lock (_gate)
            return _live.Keys.Union(_records.Keys).Order(StringComparer.Ordinal).Select(StatusLocked).ToList();
    }

    /// <summary>Unforgiven strikes of a module (what `mev modules list` shows). Takes the lock.</summary>
    public int StrikesOf(string moduleId)
    {
        lock (_gate) return _records.GetValueOrDefault(moduleId)?.Strikes.Count ?? 0;
    }

    /// <summary>
    /// Whether the host may load the module again (e.g. when the engine restarts the chain): false while it
    /// is disabled, refused or waiting for consent. This is what a supervisor's crash sink answers for
    /// "may restore". Takes the lock.
    /// </summary>
    public bool MayRestore(string moduleId) => !StateOf(moduleId).NeedsUser;

    public RegistryResult ReportLoading(string moduleId) => Move(moduleId, ModuleState.Loading, "loading");
    public RegistryResult ReportRunning(string moduleId) => Move(moduleId, ModuleState.Running, "running");
    public RegistryResult ReportStopped(string moduleId, string reason = "stopped") => Move(moduleId, ModuleState.Stopped, reason);
    public RegistryResult Bypass(string moduleId, string reason) => Move(moduleId, ModuleState.Bypassed, reason);
    public RegistryResult Refuse(string moduleId, string reason) => Move(moduleId, ModuleState.Refused, reason);
    public RegistryResult AwaitConsent(string moduleId, string reason) => Move(moduleId, ModuleState.AwaitingConsent, reason);

    [Conditional("DEBUG")]
    private void AssertInvariantsLocked()
    {
        foreach (var (id, status) in _live)
        {
            Debug.Assert(status.ModuleId == id, "a live status is filed under its own module id");
            Debug.Assert(_records.GetValueOrDefault(id)?.Disabled is null, "a disabled module has no live state");
        }
    }

    private void AssertInvariants() => AssertInvariantsLocked();
}
