using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;
using MoveEverything.Health.States;

namespace MoveEverything.Health;

public sealed partial class ModuleHealthRegistry
{
    /// <summary>
    /// Records a fault: the module becomes Crashed, the strike is persisted, and the policy decides
    /// whether it may restart or is disabled. A module already disabled stays disabled (its strike is kept).
    /// Takes the lock.
    /// </summary>
    public FaultReport ReportFault(CrashFingerprint fault)
    {
        FaultReport report;
        lock (_gate)
        {
            var id = fault.ModuleId;
            StrikeVerdict verdict = null!;
            var persisted = PersistLocked(id, r => { var o = _ledger.RecordFault(r, fault); verdict = o.Verdict; return o.Record; });
            if (verdict.Action == StrikeAction.Restart)
                _live[id] = new ModuleStatus(id, ModuleState.Crashed, verdict.Reason, _clock.GetUtcNow(), fault);
            else
                _live.Remove(id);
            report = new FaultReport(StatusLocked(id), verdict, persisted.Error);
            AssertInvariants();
        }
        StateChanged?.Invoke(report.Status);
        return report;
    }

    /// <summary>The module ran without fault for <paramref name="healthyFor"/>; may forgive its strikes. Takes the lock.</summary>
    public RegistryResult ReportHealthy(string moduleId, TimeSpan healthyFor)
    {
        lock (_gate)
        {
            var record = _records.GetValueOrDefault(moduleId);
            if (record is null || _ledger.ReportHealthy(record, healthyFor) == record) return new(StatusLocked(moduleId));
            var persisted = PersistLocked(moduleId, r => _ledger.ReportHealthy(r, healthyFor));
            return new(StatusLocked(moduleId), PersistError: persisted.Error);
        }
    }

    /// <summary>The user turns the module off (menu, CLI). Allowed from every state. Takes the lock.</summary>
    public RegistryResult Disable(string moduleId, string reason = "turned off by the user")
    {
        RegistryResult result;
        lock (_gate)
        {
            var mark = new DisableMark(DisabledBy.User, reason, _clock.GetUtcNow());
            var persisted = PersistLocked(moduleId, r => r with { Disabled = mark });
            _live.Remove(moduleId);
            result = new(StatusLocked(moduleId), PersistError: persisted.Error);
            AssertInvariants();
        }
        StateChanged?.Invoke(result.Status);
        return result;
    }

    /// <summary>
    /// The user turns the module back on: the disable mark and the strikes are cleared (a fresh start) and
    /// the module is Stopped, ready to load. A module that is not disabled is left as it is. Takes the lock.
    /// </summary>
    public RegistryResult Enable(string moduleId)
    {
        RegistryResult result;
        lock (_gate)
        {
            if (_records.GetValueOrDefault(moduleId)?.Disabled is null) return new(StatusLocked(moduleId));
            var persisted = PersistLocked(moduleId, r => r with { Disabled = null, Strikes = [] });
            _live[moduleId] = new ModuleStatus(moduleId, ModuleState.Stopped, "re-enabled by the user", _clock.GetUtcNow());
            result = new(StatusLocked(moduleId), PersistError: persisted.Error);
            AssertInvariants();
        }
        StateChanged?.Invoke(result.Status);
        return result;
    }

    private RegistryResult Move(string moduleId, ModuleState to, string reason)
    {
        RegistryResult result;
        lock (_gate)
        {
            var current = StatusLocked(moduleId);
            if (current.State == to)
                return new(_live[moduleId] = current with { Reason = reason });
            if (!ModuleLifecycle.IsAllowed(current.State, to))
                return new(current, $"{moduleId} cannot go from {current.State} to {to} ({current.Reason})");
            _live[moduleId] = new ModuleStatus(moduleId, to, reason, _clock.GetUtcNow(), current.LastFault);
            result = new(_live[moduleId]);
            AssertInvariants();
        }
        StateChanged?.Invoke(result.Status);
        return result;
    }

    /// <summary>Caller holds the lock. Persists a change; on failure applies it in memory anyway.</summary>
    private PersistResult PersistLocked(string moduleId, Func<ModuleHealthRecord, ModuleHealthRecord> change)
    {
        var persisted = _store.Update(moduleId, change, out var after);
        if (!persisted.Ok) after = change(_records.GetValueOrDefault(moduleId) ?? ModuleHealthRecord.Empty(moduleId));
        if (after.IsEmpty) _records.Remove(moduleId); else _records[moduleId] = after;
        return persisted;
    }

    /// <summary>Caller holds the lock.</summary>
    private ModuleStatus StatusLocked(string moduleId)
    {
        var record = _records.GetValueOrDefault(moduleId);
        if (record?.Disabled is { } mark)
            return new ModuleStatus(moduleId,
                mark.By == DisabledBy.User ? ModuleState.DisabledByUser : ModuleState.DisabledByPolicy,
                mark.Reason, mark.At, record.LastFault);
        return _live.GetValueOrDefault(moduleId)
            ?? new ModuleStatus(moduleId, ModuleState.Stopped, "enabled; not running", _clock.GetUtcNow(), record?.LastFault);
    }
}
