using MoveEverything.Ipc;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Tests.Session;

/// <summary>Clean run time: credited on unload, replacement, host stop and checkpoints; never for a load that faulted.</summary>
public sealed class DspLoadLedgerTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Sink : IModuleFaultSink
    {
        public List<string> Events { get; } = [];
        public EngineFaultAction Answer { get; set; } = EngineFaultAction.Keep;
        public void Started(string moduleId) { }
        public void Stopped(string moduleId, string how) { }
        public string? Faulted(ModuleFaultNotice notice) => null;
        public void DspLoaded(string moduleId, string moduleVersion) => Events.Add($"load {moduleId} {moduleVersion}");
        public void DspRan(string moduleId, string moduleVersion, TimeSpan cleanFor) => Events.Add($"ran {moduleId} {cleanFor.TotalMinutes:0}m");
        public EngineFaultOutcome EngineFaulted(EngineModuleFault fault)
        {
            Events.Add($"fault {fault.ModuleId} {(fault.Bypassed ? "bypass" : "crash")}");
            return new(Answer, fault.DefaultToast);
        }
    }

    private static readonly DspTarget Slot2 = new(1, DspComponent.SoundGenerator);
    private readonly Clock _clock = new();
    private readonly Sink _sink = new();
    private readonly InMemoryEngineLink _engine = new();
    private DspLoadLedger Ledger(TimeSpan? checkpoint = null) => new(_engine, _sink, _clock, id => id + " name", checkpoint ?? TimeSpan.FromHours(1));
    private static DspAssignment Wave => DspAssignment.Load(Slot2, "wave", "/m/wave/dsp.so", default, moduleVersion: "2.0.0");

    [Fact]
    public void Run_time_is_credited_when_the_slot_is_cleared()
    {
        var ledger = Ledger();
        ledger.AssignDsp(Wave);
        _clock.Now += TimeSpan.FromMinutes(30);
        ledger.AssignDsp(DspAssignment.Clear(Slot2));
        Assert.Equal(["load wave 2.0.0", "ran wave 30m"], _sink.Events);
        Assert.Empty(ledger.Targets);
    }

    [Fact]
    public void Replacing_a_module_credits_the_one_that_ran_and_host_stop_credits_the_rest()
    {
        var ledger = Ledger();
        ledger.AssignDsp(Wave);
        _clock.Now += TimeSpan.FromMinutes(5);
        ledger.AssignDsp(DspAssignment.Load(Slot2, "other", "/m/other/dsp.so", default, moduleVersion: "1.0.0"));
        _clock.Now += TimeSpan.FromMinutes(7);
        ledger.CreditAll();
        Assert.Equal(["load wave 2.0.0", "ran wave 5m", "load other 1.0.0", "ran other 7m"], _sink.Events);
    }

    [Fact]
    public void A_checkpoint_credits_long_runs_so_kill_nine_loses_at_most_one_interval()
    {
        var ledger = Ledger(TimeSpan.FromMinutes(10));
        ledger.AssignDsp(Wave);
        _engine.Modules = [new EngineModuleEntry(1, 2, "wave", ModuleRunState.Running, LoadResultCode.Ok, LoadFlags.None, true)];
        _clock.Now += TimeSpan.FromMinutes(9);
        ledger.Poll();
        _clock.Now += TimeSpan.FromMinutes(2);
        ledger.Poll();
        _clock.Now += TimeSpan.FromMinutes(4);
        ledger.CreditAll();
        Assert.Equal(["load wave 2.0.0", "ran wave 11m", "ran wave 4m"], _sink.Events);
    }

    [Fact]
    public void A_load_that_faulted_earns_no_run_time_and_is_reported_once()
    {
        var ledger = Ledger();
        ledger.AssignDsp(Wave);
        _engine.Modules = [new EngineModuleEntry(1, 2, "wave", ModuleRunState.Bypassed, LoadResultCode.Ok, LoadFlags.None, true)];
        _clock.Now += TimeSpan.FromHours(2);
        var incident = Assert.Single(ledger.Poll());
        Assert.False(incident.Emptied);
        Assert.Empty(ledger.Poll());
        ledger.AssignDsp(DspAssignment.Clear(Slot2));
        Assert.Equal(["load wave 2.0.0", "fault wave bypass"], _sink.Events);
    }

    [Fact]
    public void Time_while_the_engine_did_not_show_the_module_is_not_clean()
    {
        var ledger = Ledger();
        ledger.AssignDsp(Wave);
        _clock.Now += TimeSpan.FromMinutes(20);
        _engine.Modules = []; // the engine died: its status was reset
        ledger.Poll();
        _clock.Now += TimeSpan.FromMinutes(1);
        _engine.Modules = [new EngineModuleEntry(1, 2, "wave", ModuleRunState.Running, LoadResultCode.Ok, LoadFlags.None, true)];
        ledger.Poll(); // restored: counting starts again
        _clock.Now += TimeSpan.FromMinutes(3);
        ledger.CreditAll();
        Assert.Equal(["load wave 2.0.0", "ran wave 3m"], _sink.Events);
    }

    [Fact]
    public void A_module_the_engine_never_showed_again_earns_nothing()
    {
        var ledger = Ledger();
        ledger.AssignDsp(Wave);
        _clock.Now += TimeSpan.FromMinutes(20);
        ledger.Poll(); // not in the status block (not restored after an engine death)
        ledger.AssignDsp(DspAssignment.Clear(Slot2));
        Assert.Equal(["load wave 2.0.0"], _sink.Events);
    }

    [Fact]
    public void A_failed_reload_empties_the_slot()
    {
        var ledger = Ledger();
        ledger.AssignDsp(Wave);
        _sink.Answer = EngineFaultAction.Reload;
        _engine.RefuseAssignmentsWith = "file gone";
        _engine.Modules = [new EngineModuleEntry(1, 2, "wave", ModuleRunState.Crashed, LoadResultCode.WorkerFaulted, LoadFlags.None, true)];
        Assert.True(Assert.Single(ledger.Poll()).Emptied);
        Assert.Empty(ledger.Targets);
    }
}
