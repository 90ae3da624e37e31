using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.States;

namespace MoveEverything.Health.Tests;

public class ModuleHealthRegistryTests
{
    private readonly ManualClock _clock = new();
    private readonly InMemoryModuleHealthStore _store = new();
    private readonly ModuleHealthRegistry _registry;

    public ModuleHealthRegistryTests() => _registry = new ModuleHealthRegistry(_store, HealthPolicy.Default, _clock);

    private CrashFingerprint Fault(string id = "wave", FaultPhase phase = FaultPhase.Render, bool restore = false) =>
        new(id, "1.0.0", "0.1.0", phase, "SIGSEGV", _clock.Now, restore);

    [Fact]
    public void An_unknown_module_is_stopped_and_enabled()
    {
        var status = _registry.StateOf("wave");
        Assert.Equal(ModuleState.Stopped, status.State);
        Assert.Equal("enabled; not running", status.Reason);
    }

    [Fact]
    public void Load_run_crash_restart_follows_the_lifecycle()
    {
        Assert.True(_registry.ReportLoading("wave").Ok);
        Assert.True(_registry.ReportRunning("wave").Ok);
        var report = _registry.ReportFault(Fault());
        Assert.Equal(ModuleState.Crashed, report.Status.State);
        Assert.True(report.MayRestart);
        Assert.True(_registry.MayRestore("wave"));
        Assert.Equal("Wave stopped: SIGSEGV in render (strike 1 of 3 within 5 minutes)", report.Toast("Wave"));
        Assert.Equal("SIGSEGV", report.Status.LastFault!.Cause);
        Assert.False(_registry.ReportRunning("wave").Ok); // crashed → running skips the reload
        Assert.True(_registry.ReportLoading("wave").Ok);
    }

    [Fact]
    public void The_third_crash_in_five_minutes_disables_by_policy_and_it_is_persisted()
    {
        for (int i = 0; i < 3; i++)
        {
            _registry.ReportLoading("wave");
            _registry.ReportRunning("wave");
            _registry.ReportFault(Fault());
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        var status = _registry.StateOf("wave");
        Assert.Equal(ModuleState.DisabledByPolicy, status.State);
        Assert.StartsWith("crashed 3 times within 5 minutes", status.Reason);
        Assert.False(_registry.ReportLoading("wave").Ok);
        Assert.False(_registry.MayRestore("wave"));

        var afterRestart = new ModuleHealthRegistry(_store, HealthPolicy.Default, _clock);
        Assert.Equal(ModuleState.DisabledByPolicy, afterRestart.StateOf("wave").State);
        Assert.Equal(3, afterRestart.StrikesOf("wave"));
    }

    [Fact]
    public void A_crash_while_restoring_at_start_up_disables_at_once()
    {
        _registry.ReportLoading("wave");
        var report = _registry.ReportFault(Fault(phase: FaultPhase.Init, restore: true));
        Assert.False(report.MayRestart);
        Assert.Equal(ModuleState.DisabledByPolicy, report.Status.State);
        Assert.StartsWith("Wave stopped: crashed while being restored", report.Toast("Wave"));
    }

    [Fact]
    public void User_disable_and_enable_persist_and_enable_clears_strikes()
    {
        _registry.ReportFault(Fault());
        _registry.ReportFault(Fault());
        Assert.Equal(ModuleState.DisabledByUser, _registry.Disable("wave").Status.State);
        Assert.Equal(ModuleState.DisabledByUser, new ModuleHealthRegistry(_store, HealthPolicy.Default, _clock).StateOf("wave").State);

        var enabled = _registry.Enable("wave");
        Assert.Equal(ModuleState.Stopped, enabled.Status.State);
        Assert.Equal("re-enabled by the user", enabled.Status.Reason);
        Assert.Equal(0, _registry.StrikesOf("wave"));
        Assert.Empty(_store.LoadAll().Entries);
    }

    [Fact]
    public void A_module_that_crashes_while_being_disabled_stays_disabled()
    {
        _registry.ReportLoading("wave");
        _registry.Disable("wave");
        var report = _registry.ReportFault(Fault(phase: FaultPhase.Unload));
        Assert.Equal(StrikeAction.StayDisabled, report.Verdict.Action);
        Assert.Equal(ModuleState.DisabledByUser, report.Status.State);
        Assert.Equal(1, _registry.StrikesOf("wave"));
    }

    [Fact]
    public void Bypass_is_live_only_and_not_a_strike()
    {
        _registry.ReportLoading("wave");
        _registry.ReportRunning("wave");
        var bypassed = _registry.Bypass("wave", "over its CPU share 8 blocks in a row");
        Assert.Equal(ModuleState.Bypassed, bypassed.Status.State);
        Assert.Equal(0, _registry.StrikesOf("wave"));
        Assert.Equal(ModuleState.Stopped, new ModuleHealthRegistry(_store, HealthPolicy.Default, _clock).StateOf("wave").State);
    }

    [Fact]
    public void An_illegal_move_is_refused_with_a_reason_and_changes_nothing()
    {
        _registry.Disable("wave");
        var result = _registry.ReportRunning("wave");
        Assert.False(result.Ok);
        Assert.Equal("wave cannot go from DisabledByUser to Running (turned off by the user)", result.Rejected);
        Assert.Equal(ModuleState.DisabledByUser, _registry.StateOf("wave").State);
    }

    [Fact]
    public void A_healthy_hour_forgives_strikes()
    {
        _registry.ReportFault(Fault());
        _registry.ReportFault(Fault());
        _registry.ReportHealthy("wave", TimeSpan.FromMinutes(30));
        Assert.Equal(2, _registry.StrikesOf("wave"));
        _registry.ReportHealthy("wave", TimeSpan.FromHours(1));
        Assert.Equal(0, _registry.StrikesOf("wave"));
    }

    [Fact]
    public void A_failed_write_is_reported_and_the_decision_still_holds_in_memory()
    {
        _store.FailWrites = true;
        var result = _registry.Disable("wave");
        Assert.Equal("simulated write failure", result.PersistError);
        Assert.Equal(ModuleState.DisabledByUser, _registry.StateOf("wave").State);
        Assert.False(_registry.ReportLoading("wave").Ok);
    }

    [Fact]
    public void State_changes_are_announced_after_the_lock_is_released()
    {
        var seen = new List<ModuleState>();
        _registry.StateChanged += status =>
        {
            seen.Add(status.State);
            Assert.Equal(status.State, _registry.StateOf(status.ModuleId).State); // re-entrant call does not deadlock
        };
        _registry.ReportLoading("wave");
        _registry.ReportRunning("wave");
        _registry.Disable("wave");
        Assert.Equal([ModuleState.Loading, ModuleState.Running, ModuleState.DisabledByUser], seen);
    }

    [Fact]
    public void Snapshot_lists_live_and_persisted_modules_sorted()
    {
        _registry.ReportLoading("zeta");
        _registry.Disable("alpha");
        Assert.Equal(["alpha", "zeta"], _registry.Snapshot().Select(s => s.ModuleId));
    }

    [Fact]
    public void Refresh_picks_up_a_change_made_by_another_process()
    {
        _registry.ReportLoading("wave");
        _store.Update("wave", r => r with { Disabled = new(Records.DisabledBy.User, "off from the CLI", _clock.Now) }, out _);
        _registry.Refresh();
        Assert.Equal("off from the CLI", _registry.StateOf("wave").Reason);
    }
}

public class ModuleHealthRegistryConcurrencyTests
{
    [Fact]
    public void Reporters_on_many_threads_leave_a_consistent_state_and_every_strike_counted()
    {
        var clock = new ManualClock();
        var store = new InMemoryModuleHealthStore();
        var policy = HealthPolicy.Default with { StrikeLimit = 1000, StrikeHistoryLimit = 1000 };
        var registry = new ModuleHealthRegistry(store, policy, clock);
        const int Threads = 4, PerThread = 50;
        Parallel.For(0, Threads, t =>
        {
            for (int i = 0; i < PerThread; i++)
            {
                registry.ReportLoading("wave");
                registry.ReportRunning("wave");
                registry.ReportFault(new CrashFingerprint("wave", "1", "0.1", FaultPhase.Tick, $"t{t}-{i}", clock.Now));
                _ = registry.Snapshot();
            }
        });
        Assert.Equal(Threads * PerThread, registry.StrikesOf("wave"));
        Assert.Equal(Threads * PerThread, store.LoadAll().Entries.Single().Strikes.Count);
        Assert.Equal(ModuleState.Crashed, registry.StateOf("wave").State);
    }
}
