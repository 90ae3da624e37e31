using MoveEverything.Health.Records;
using MoveEverything.Health.States;

namespace MoveEverything.Health.Policy;

/// <summary>
/// Applies <see cref="HealthPolicy"/> to a module's persisted record. Pure: it takes a record and returns
/// the next one, so the caller can apply it inside one read-modify-write of the state file. Time comes from
/// the injected <see cref="TimeProvider"/> (tests use a manual clock).
/// Rules, in the order they are checked:
/// <list type="number">
/// <item>A module already disabled stays disabled; the fault is still recorded as a strike.</item>
/// <item>A load/init fault during a restore disables at once (<see cref="HealthPolicy.DisableOnRestoreStartupCrash"/>).</item>
/// <item><see cref="HealthPolicy.StrikeLimit"/> strikes within <see cref="HealthPolicy.StrikeWindow"/> disable.</item>
/// <item>Otherwise the module may restart.</item>
/// </list>
/// Strikes are forgiven after <see cref="HealthPolicy.ForgiveAfterHealthy"/> of uninterrupted healthy running.
/// </summary>
public sealed class StrikeLedger(HealthPolicy policy, TimeProvider clock)
{
    public HealthPolicy Policy { get; } = policy;

    public StrikeOutcome RecordFault(ModuleHealthRecord record, CrashFingerprint fault)
    {
        var strikes = record.Strikes.Append(fault).OrderBy(s => s.At)
            .TakeLast(Policy.StrikeHistoryLimit).ToList();
        var counted = CountInWindow(strikes);
        var updated = record with { Strikes = strikes };

        if (record.Disabled is { } mark)
            return new(updated, new(StrikeAction.StayDisabled, mark.Reason, counted));

        if (Policy.DisableOnRestoreStartupCrash && fault.DuringRestore && fault.IsStartupPhase)
            return Disable(updated, counted,
                $"crashed while being restored ({fault.Cause} in {Phase(fault)}); turned off so the next start does not crash again");

        if (counted >= Policy.StrikeLimit)
            return Disable(updated, counted,
                $"crashed {counted} times within {HealthPolicy.Spell(Policy.StrikeWindow)} (last: {fault.Cause} in {Phase(fault)})");

        return new(updated, new(StrikeAction.Restart,
            $"stopped: {fault.Cause} in {Phase(fault)} (strike {counted} of {Policy.StrikeLimit} within {HealthPolicy.Spell(Policy.StrikeWindow)})",
            counted));
    }

    /// <summary>Clears the strikes when the module ran healthy for at least <see cref="HealthPolicy.ForgiveAfterHealthy"/>.</summary>
    public ModuleHealthRecord ReportHealthy(ModuleHealthRecord record, TimeSpan healthyFor) =>
        healthyFor >= Policy.ForgiveAfterHealthy && record.Strikes.Count > 0 ? record with { Strikes = [] } : record;

    /// <summary>Strikes that count towards <see cref="HealthPolicy.StrikeLimit"/> now.</summary>
    public int CountInWindow(IEnumerable<CrashFingerprint> strikes)
    {
        var since = clock.GetUtcNow() - Policy.StrikeWindow;
        return strikes.Count(s => s.At > since);
    }

    private StrikeOutcome Disable(ModuleHealthRecord record, int counted, string reason) =>
        new(record with { Disabled = new DisableMark(DisabledBy.Policy, reason, clock.GetUtcNow()) },
            new(StrikeAction.Disable, reason, counted));

    private static string Phase(CrashFingerprint fault) => fault.Phase.ToString().ToLowerInvariant();
}
