using FsCheck;
using FsCheck.Fluent;
using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Tests.Decision;

/// <summary>The pure policy: invariants over random boot histories, and precedence of the triggers.</summary>
public sealed class BootDeciderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly BootOptions Options = BootOptions.Default;

    private static BootInputs Inputs(BootState? state = null, IReadOnlySet<MoveKey>? keys = null, string? flag = null, HostPointer? pointer = null) =>
        new(T0, null, true, keys ?? new HashSet<MoveKey>(), flag, state ?? BootState.Fresh, null,
            pointer ?? new HostPointer("1.0.0", null, null, 0), _ => true);

    [Fact]
    public void Stock_combination_beats_the_safe_mode_flag_and_keeps_the_flag_for_later()
    {
        var outcome = BootDecider.Decide(Inputs(keys: new HashSet<MoveKey> { MoveKey.Shift, MoveKey.Menu }, flag: "x"), Options);
        Assert.Equal(BootTarget.Stock, outcome.Decision.Target);
        Assert.False(outcome.ConsumeSafeModeFlag);
    }

    [Fact]
    public void Safe_request_unlatches_stock_and_leaves_two_failures_before_stock_again()
    {
        var latched = new BootState(9, T0, BootTarget.Stock, null, Enumerable.Repeat(T0, 4).ToList(), true);
        var outcome = BootDecider.Decide(Inputs(latched, flag: ""), Options);
        Assert.Equal(BootTarget.Safe, outcome.Decision.Target);
        Assert.False(outcome.NextState.StockLatched);
        Assert.Equal(Options.SafeModeAfterUnhealthyBoots, outcome.NextState.Strikes.Count);
        Assert.True(outcome.ConsumeSafeModeFlag);
    }

    [Fact]
    public void Shift_alone_is_not_a_combination()
    {
        Assert.Equal(BootTarget.Normal, BootDecider.Decide(Inputs(keys: new HashSet<MoveKey> { MoveKey.Shift }), Options).Decision.Target);
    }

    [Fact]
    public void Missing_stock_backup_turns_a_stock_decision_into_safe_mode()
    {
        var inputs = Inputs(keys: new HashSet<MoveKey> { MoveKey.Shift, MoveKey.Menu }) with { StockBackupPresent = false };
        var decision = BootDecider.Decide(inputs, Options).Decision;
        Assert.Equal(BootTarget.Safe, decision.Target);
        Assert.Equal("1.0.0", decision.HostVersion);
        Assert.Contains(decision.Notes, n => n.Contains("stock backup is missing"));
    }

    [Fact]
    public void Missing_stock_backup_and_no_host_stays_stock_with_a_note()
    {
        var inputs = Inputs(keys: new HashSet<MoveKey> { MoveKey.Shift, MoveKey.Menu }) with { StockBackupPresent = false, HostBootable = _ => false };
        var decision = BootDecider.Decide(inputs, Options).Decision;
        Assert.Equal(BootTarget.Stock, decision.Target);
        Assert.Contains(decision.Notes, n => n.Contains("stock backup is missing"));
    }

    [Fact]
    public void Options_reject_a_stock_threshold_below_the_safe_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (BootOptions.Default with { StockAfterUnhealthyBoots = 2 }).Validate());
    }

    /// <summary>
    /// Property: replaying any sequence of boots (each healthy or not, any gaps) through the decider, an unhealthy
    /// non-trial boot adds exactly one strike (before window pruning) and the level never skips safe on the way to stock.
    /// </summary>
    [Fact]
    public void Escalation_never_reaches_stock_without_passing_through_safe()
    {
        Prop.ForAll(Gen.ListOf(Gen.Zip(Gen.Elements(true, false), Gen.Choose(1, 120))).ToArbitrary(), steps =>
        {
            var state = BootState.Fresh;
            var now = T0;
            bool sawSafe = false;
            foreach (var (healthy, minutes) in steps)
            {
                now = now.AddMinutes(minutes);
                var health = healthy && state.BootCount > 0 ? new MoveEverything.Boot.Health.HealthMark(state.BootCount, now, TimeSpan.FromSeconds(30), 1) : null;
                var inputs = Inputs(state) with { Now = now, Health = health };
                var outcome = BootDecider.Decide(inputs, Options);
                if (outcome.Decision.Target == BootTarget.Safe) sawSafe = true;
                if (outcome.Decision.Target == BootTarget.Stock && !sawSafe) return false;
                if (outcome.Decision.Target != BootTarget.Stock && outcome.NextState.StockLatched) return false;
                state = outcome.NextState;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Healthy_normal_boot_always_leaves_zero_strikes()
    {
        Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), strikes =>
        {
            var state = new BootState(5, T0, BootTarget.Normal, "1.0.0", Enumerable.Repeat(T0, strikes).ToList(), false);
            var inputs = Inputs(state) with { Health = new MoveEverything.Boot.Health.HealthMark(5, T0, TimeSpan.FromSeconds(30), 1) };
            return BootDecider.Decide(inputs, Options).NextState.Strikes.Count == 0;
        }).QuickCheckThrowOnFailure();
    }
}
