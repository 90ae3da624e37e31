using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;
using MoveEverything.Health.States;

namespace MoveEverything.Health.Tests.Policy;

public class StrikeLedgerTests
{
    private readonly ManualClock _clock = new();
    private readonly StrikeLedger _ledger;

    public StrikeLedgerTests() => _ledger = new StrikeLedger(HealthPolicy.Default, _clock);

    private CrashFingerprint Fault(FaultPhase phase = FaultPhase.Render, bool restore = false) =>
        new("wave", "1.0.0", "0.1.0", phase, "SIGSEGV", _clock.Now, restore);

    private (ModuleHealthRecord, StrikeVerdict) Crash(ModuleHealthRecord record, FaultPhase phase = FaultPhase.Render, bool restore = false)
    {
        var outcome = _ledger.RecordFault(record, Fault(phase, restore));
        return (outcome.Record, outcome.Verdict);
    }

    [Fact]
    public void Three_crashes_within_five_minutes_disable_the_module()
    {
        var record = ModuleHealthRecord.Empty("wave");
        (record, var first) = Crash(record);
        _clock.Advance(TimeSpan.FromMinutes(2));
        (record, var second) = Crash(record);
        _clock.Advance(TimeSpan.FromMinutes(2));
        (record, var third) = Crash(record);

        Assert.Equal(StrikeAction.Restart, first.Action);
        Assert.Equal(StrikeAction.Restart, second.Action);
        Assert.Contains("strike 2 of 3 within 5 minutes", second.Reason);
        Assert.Equal(StrikeAction.Disable, third.Action);
        Assert.Equal(3, third.StrikesInWindow);
        Assert.Equal(DisabledBy.Policy, record.Disabled!.By);
        Assert.Equal("crashed 3 times within 5 minutes (last: SIGSEGV in render)", record.Disabled.Reason);
    }

    [Fact]
    public void Crashes_spread_wider_than_the_window_only_restart()
    {
        var record = ModuleHealthRecord.Empty("wave");
        StrikeVerdict verdict = null!;
        for (int i = 0; i < 6; i++)
        {
            (record, verdict) = Crash(record);
            Assert.Equal(StrikeAction.Restart, verdict.Action);
            _clock.Advance(TimeSpan.FromMinutes(3)); // two fit in a window, never three
        }
        Assert.Null(record.Disabled);
        Assert.Equal(6, record.Strikes.Count);
    }

    [Fact]
    public void The_window_edge_is_exclusive_a_strike_exactly_five_minutes_old_no_longer_counts()
    {
        var record = ModuleHealthRecord.Empty("wave");
        (record, _) = Crash(record);
        (record, _) = Crash(record);
        _clock.Advance(TimeSpan.FromMinutes(5));
        (record, var verdict) = Crash(record);
        Assert.Equal(StrikeAction.Restart, verdict.Action);
        Assert.Equal(1, verdict.StrikesInWindow);
    }

    [Theory]
    [InlineData(FaultPhase.Load)]
    [InlineData(FaultPhase.Init)]
    public void A_startup_crash_during_restore_disables_at_once(FaultPhase phase)
    {
        var (record, verdict) = Crash(ModuleHealthRecord.Empty("wave"), phase, restore: true);
        Assert.Equal(StrikeAction.Disable, verdict.Action);
        Assert.StartsWith("crashed while being restored (SIGSEGV in ", record.Disabled!.Reason);
    }

    [Fact]
    public void A_startup_crash_outside_restore_and_a_render_crash_during_restore_are_ordinary_strikes()
    {
        var (_, userLoad) = Crash(ModuleHealthRecord.Empty("wave"), FaultPhase.Init, restore: false);
        var (_, restoreRender) = Crash(ModuleHealthRecord.Empty("wave"), FaultPhase.Render, restore: true);
        Assert.Equal(StrikeAction.Restart, userLoad.Action);
        Assert.Equal(StrikeAction.Restart, restoreRender.Action);
    }

    [Fact]
    public void The_restore_rule_can_be_switched_off()
    {
        var ledger = new StrikeLedger(HealthPolicy.Default with { DisableOnRestoreStartupCrash = false }, _clock);
        var outcome = ledger.RecordFault(ModuleHealthRecord.Empty("wave"), Fault(FaultPhase.Init, restore: true));
        Assert.Equal(StrikeAction.Restart, outcome.Verdict.Action);
    }

    [Fact]
    public void A_fault_of_a_disabled_module_is_recorded_but_the_user_choice_stands()
    {
        var record = ModuleHealthRecord.Empty("wave") with
        {
            Disabled = new DisableMark(DisabledBy.User, "turned off by the user", _clock.Now),
        };
        for (int i = 0; i < 3; i++) (record, _) = Crash(record);
        var (final, verdict) = Crash(record);
        Assert.Equal(StrikeAction.StayDisabled, verdict.Action);
        Assert.Equal(DisabledBy.User, final.Disabled!.By);
        Assert.Equal(4, final.Strikes.Count);
    }

    [Fact]
    public void One_healthy_hour_forgives_the_strikes_and_less_does_not()
    {
        var record = ModuleHealthRecord.Empty("wave");
        (record, _) = Crash(record);
        (record, _) = Crash(record);
        Assert.Equal(2, _ledger.ReportHealthy(record, TimeSpan.FromMinutes(59)).Strikes.Count);
        var forgiven = _ledger.ReportHealthy(record, TimeSpan.FromHours(1));
        Assert.Empty(forgiven.Strikes);
        (_, var verdict) = Crash(forgiven);
        Assert.Equal(1, verdict.StrikesInWindow); // a fresh start, not strike 3
    }

    [Fact]
    public void The_history_is_bounded_and_keeps_the_newest()
    {
        var policy = HealthPolicy.Default with { StrikeLimit = 1000, StrikeHistoryLimit = 4 };
        var small = new StrikeLedger(policy, _clock);
        var record = ModuleHealthRecord.Empty("wave");
        for (int i = 0; i < 7; i++)
        {
            record = small.RecordFault(record, Fault() with { Cause = $"E{i}" }).Record;
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal(["E3", "E4", "E5", "E6"], record.Strikes.Select(s => s.Cause));
    }

    [Fact]
    public void The_default_policy_is_consistent_and_bad_values_are_named()
    {
        Assert.Empty(HealthPolicy.Default.Problems());
        var bad = HealthPolicy.Default with { StrikeLimit = 0, StrikeWindow = TimeSpan.Zero, StrikeHistoryLimit = -1 };
        Assert.Equal(3, bad.Problems().Count);
        Assert.Equal("5 minutes", HealthPolicy.Spell(TimeSpan.FromMinutes(5)));
        Assert.Equal("1 hour", HealthPolicy.Spell(TimeSpan.FromHours(1)));
        Assert.Equal("30 seconds", HealthPolicy.Spell(TimeSpan.FromSeconds(30)));
    }
}
