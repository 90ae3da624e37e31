using MoveEverything.Health.States;
using MoveEverything.Health.Trust;
using MoveEverything.Ipc;
using MoveEverything.UiHost.Tests.Gate;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;

namespace MoveEverything.UiHost.Tests.Session;

/// <summary>
/// The sender side of trust: slot loads carry LoadFlags.Trusted from TrustPolicy, loads and run time feed the trust
/// record, and DSP faults the engine survived (status entry Crashed + WorkerFaulted, Bypassed) become strikes with a
/// phase; a module the policy disables is unloaded.
/// </summary>
public sealed class TrustWiringTests
{
    private static readonly DspTarget Slot1 = new(0, DspComponent.SoundGenerator);

    private static GateHarness WithSynth(string id = "wave", string extra = "")
    {
        var h = new GateHarness();
        TestPlugin.CopyTo(h.Loop.AddModule(id, "sound_generator", null, """, "api_version": 2 """ + extra, "sound_generators"));
        return h;
    }

    private static void EarnTrust(TrustBook book, string id, string version)
    {
        for (int i = 0; i < book.Policy.ProbationCleanLoads; i++) book.RecordCleanLoad(id, version);
        book.RecordCleanRun(id, version, book.Policy.ProbationCleanRunTime);
    }

    /// <summary>Plays the engine: the module's status entry in slot 1 shows <paramref name="state"/>, then polls.</summary>
    private static void EngineShows(GateHarness h, ModuleRunState state, LoadResultCode reason = LoadResultCode.Ok, string id = "wave")
    {
        h.Loop.Link.Modules = [new EngineModuleEntry(0, SlotStatus.GeneratorPosition, id, state, reason, LoadFlags.None, true)];
        h.Host!.Tick();
        for (int i = 1; i < h.Loop.Options.EngineStatusPollTicks; i++) h.Host.Tick();
    }

    [Fact]
    public void A_new_module_is_loaded_untrusted_and_a_clean_load_is_recorded()
    {
        using var h = WithSynth();
        var loop = h.Start();
        loop.Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        var load = Assert.Single(h.Loop.Link.Assignments);
        Assert.False(load.Trusted);
        Assert.Equal(LoadFlags.None, load.Flags);
        Assert.Equal("1.2.3", load.ModuleVersion);
        Assert.Equal(1, h.Trust.Of("wave", "1.2.3").CleanLoads);
        Assert.Contains(h.Loop.Log.Lines, l => l.Contains("on probation: 0 of 20 clean loads"));
    }

    [Fact]
    public void A_module_with_a_clean_record_is_loaded_trusted()
    {
        using var h = WithSynth();
        EarnTrust(h.Trust, "wave", "1.2.3");
        h.Start().Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        Assert.Equal(LoadFlags.Trusted, Assert.Single(h.Loop.Link.Assignments).Flags);
    }

    [Fact]
    public void A_built_in_module_is_loaded_trusted()
    {
        using var h = new GateHarness();
        var folder = Path.Combine(h.BuiltInRoot, "bsynth");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"),
            """{ "id": "bsynth", "name": "B", "version": "1.0.0", "component_type": "sound_generator", "api_version": 2 }""");
        TestPlugin.CopyTo(folder);
        h.Start().Execute(new MenuCommand.AssignSlot(h.Entry("bsynth"), 0));
        Assert.True(Assert.Single(h.Loop.Link.Assignments).Trusted);
    }

    [Fact]
    public void A_module_with_the_mailbox_gets_the_grant_but_never_trust()
    {
        using var h = WithSynth("mbx", """, "unsafe_capabilities": ["hardware_mailbox"] """);
        EarnTrust(h.Trust, "mbx", "1.2.3");
        h.Consent.Grant("mbx", ["hardware_mailbox"], "1.2.3");
        h.Start().Execute(new MenuCommand.AssignSlot(h.Entry("mbx"), 0));
        Assert.Equal(LoadFlags.GrantMailbox, Assert.Single(h.Loop.Link.Assignments).Flags);
    }

    [Fact]
    public void A_worker_crash_is_a_strike_with_a_phase_and_the_module_is_reloaded()
    {
        using var h = WithSynth();
        EarnTrust(h.Trust, "wave", "1.2.3");
        var loop = h.Start();
        loop.Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        EngineShows(h, ModuleRunState.Running);
        EngineShows(h, ModuleRunState.Crashed, LoadResultCode.WorkerFaulted);

        Assert.Equal(1, h.Registry.StrikesOf("wave"));
        var fault = h.Registry.StateOf("wave").LastFault!;
        Assert.Equal((FaultPhase.Render, "1.2.3"), (fault.Phase, fault.ModuleVersion));
        Assert.Equal(2, h.Loop.Link.Assignments.Count(a => a.ModuleId == "wave")); // reloaded: a fresh worker
        Assert.Equal(TrustBasis.FaultedSinceUpdate, h.Trust.Decide(new TrustRequest("wave", "1.2.3", false, default)).Basis);
        Assert.StartsWith("wave name", loop.Toast);
        EngineShows(h, ModuleRunState.Crashed, LoadResultCode.WorkerFaulted); // still the same poll state: reported once per load
        Assert.Equal(2, h.Registry.StrikesOf("wave"));
    }

    [Fact]
    public void A_worker_fault_is_recorded_with_the_phase_and_signal_the_engine_published()
    {
        using var h = WithSynth();
        h.Start().Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        EngineShows(h, ModuleRunState.Running);
        h.Loop.Link.Modules = [new EngineModuleEntry(0, SlotStatus.GeneratorPosition, "wave", ModuleRunState.Crashed,
            LoadResultCode.WorkerFaulted, LoadFlags.None, true, ModuleFaultKind.Crash, PluginPhase.Midi, 11)];
        for (int i = 0; i < h.Loop.Options.EngineStatusPollTicks; i++) h.Host!.Tick();

        var fault = h.Registry.StateOf("wave").LastFault!;
        Assert.Equal(FaultPhase.Midi, fault.Phase);
        Assert.Equal("DSP worker crashed (SIGSEGV) in midi (isolated)", fault.Cause);
    }

    [Fact]
    public void A_worker_that_keeps_crashing_is_disabled_unloaded_and_its_slot_emptied()
    {
        using var h = WithSynth();
        var loop = h.Start();
        loop.Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        for (int i = 0; i < h.Registry.Policy.StrikeLimit; i++)
        {
            EngineShows(h, ModuleRunState.Running);
            EngineShows(h, ModuleRunState.Crashed, LoadResultCode.WorkerFaulted);
        }
        Assert.Equal(ModuleState.DisabledByPolicy, h.Registry.StateOf("wave").State);
        var last = h.Loop.Link.Assignments[^1];
        Assert.Equal((Slot1, (string?)null), (last.Target, last.DspPath)); // unloaded: no worker restarted forever
        Assert.Null(loop.Menu.Slots.Get(Slot1));
        Assert.Contains("stopped", loop.Toast);
        Assert.Empty(loop.Dsps.Targets);
    }

    [Fact]
    public void An_overrun_is_bypassed_without_a_strike_but_costs_trust()
    {
        using var h = WithSynth();
        EarnTrust(h.Trust, "wave", "1.2.3");
        var loop = h.Start();
        loop.Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        EngineShows(h, ModuleRunState.Bypassed);
        Assert.Equal(ModuleState.Bypassed, h.Registry.StateOf("wave").State);
        Assert.Equal(0, h.Registry.StrikesOf("wave"));
        Assert.Single(h.Loop.Link.Assignments); // kept, not reloaded
        Assert.False(h.Trust.Decide(new TrustRequest("wave", "1.2.3", false, default)).Trusted);
    }

    [Fact]
    public void A_load_the_worker_crashed_in_is_a_strike_in_init()
    {
        using var h = WithSynth();
        var loop = h.Start();
        h.Loop.Link.RefuseAssignmentsWith = "crashed in create_instance";
        h.Loop.Link.RefuseAssignmentsCode = LoadResultCode.WorkerFaulted;
        loop.Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        Assert.Equal(FaultPhase.Init, h.Registry.StateOf("wave").LastFault!.Phase);
        Assert.Equal(0, h.Trust.Of("wave", "1.2.3").CleanLoads);
    }

    [Fact]
    public void A_fault_in_another_module_at_that_position_is_not_blamed_on_ours()
    {
        using var h = WithSynth();
        h.Start().Execute(new MenuCommand.AssignSlot(h.Entry("wave"), 0));
        EngineShows(h, ModuleRunState.Crashed, LoadResultCode.WorkerFaulted, id: "someone-else");
        Assert.Equal(0, h.Registry.StrikesOf("wave"));
    }
}
