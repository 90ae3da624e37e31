using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Isolation;
using MoveEverything.Engine.Tests.Support;
using MoveEverything.Health.States;

namespace MoveEverything.Engine.Tests.Faults;

/// <summary>
/// Fault-injection matrix, isolated column (issue 4 item 8): every faulty native plugin runs in a DSP worker in
/// slot 2 while full-scale noise plays in-process in slot 1. Asserts: the host (this test process) stays up, the
/// right module is blamed with the right phase, the final state is the policy's, slot 1 misses no block, and the
/// state survives a host restart (a new registry over the same file).
/// </summary>
public sealed class IsolatedFaultMatrixTests
{
    private const int Victim = 0, Faulty = 1, MaxBlocks = 8000; // ≈ 23 s cap; a case ends as soon as the final state is reached (1–3 s on an idle machine)

    public static TheoryData<string, WorkerFaultKind, CallPhase, ModuleState> RuntimeFaults => new()
    {
        { "crash_render", WorkerFaultKind.Crash, CallPhase.Render, ModuleState.DisabledByPolicy },
        { "abort_render", WorkerFaultKind.Crash, CallPhase.Render, ModuleState.DisabledByPolicy },
        { "crash_midi", WorkerFaultKind.Crash, CallPhase.Midi, ModuleState.DisabledByPolicy },
        { "hang_render", WorkerFaultKind.Hang, CallPhase.Render, ModuleState.DisabledByPolicy },
        { "slow_render", WorkerFaultKind.Overrun, CallPhase.Render, ModuleState.Bypassed },
    };

    [Theory]
    [MemberData(nameof(RuntimeFaults))]
    public void Runtime_fault_in_a_worker_is_blamed_and_silences_only_its_slot(string fault, WorkerFaultKind kind, CallPhase phase, ModuleState final)
    {
        using var health = new HealthBridge();
        using var rig = new IsolationRig(health.Report);
        string id = fault.Replace('_', '-');
        rig.Play(Victim, rig.InProcess("mev-noise", "mev_noise", Victim));
        var isolated = rig.Isolate(id, NativeArtifacts.Faulty(fault), Faulty);
        health.Registry.ReportLoading(id);
        health.Registry.ReportRunning(id);
        rig.Play(Faulty, isolated.Plugin);

        var peaks = rig.Run(MaxBlocks, b => b % 4 == 0 ? [MidiEvent.NoteOn(0, 60, 100, Faulty)] : [],
            until: () => health.Registry.StateOf(id).State == final);

        Assert.Equal(final, health.Registry.StateOf(id).State);
        var faults = rig.Isolation.Faults;
        Assert.NotEmpty(faults);
        Assert.All(faults, f => { Assert.Equal(id, f.ModuleId); Assert.Equal(Faulty, f.Slot); Assert.Equal(kind, f.Kind); Assert.Equal(phase, f.Phase); });
        if (kind == WorkerFaultKind.Crash) Assert.All(faults, f => Assert.Contains(f.Signal, new int?[] { 6, 11 }));
        if (final == ModuleState.DisabledByPolicy) Assert.True(rig.Isolation.Restarts >= 2, $"restarts: {rig.Isolation.Restarts}");
        int silentVictimBlocks = peaks.Skip(2).Count(p => p[Victim] == 0f);
        Assert.Equal(0, silentVictimBlocks);
        Assert.True(peaks[^1][Faulty] == 0f, "the faulty slot is silent at the end");

        var afterRestart = health.Open();
        if (final == ModuleState.DisabledByPolicy) Assert.Equal(ModuleState.DisabledByPolicy, afterRestart.StateOf(id).State);
        Assert.Equal(faults.Count(f => f.Kind != WorkerFaultKind.Overrun), afterRestart.StrikesOf(id));
    }

    public static TheoryData<string, PluginLoadFailureKind> Refusals => new()
    {
        { "wrong_version", PluginLoadFailureKind.WrongStructVersion },
        { "missing_symbol", PluginLoadFailureKind.EntryPointMissing },
        { "null_create", PluginLoadFailureKind.CreateInstanceReturnedNull },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refused_plugin_gets_the_loaders_typed_failure_from_the_worker(string fault, PluginLoadFailureKind expected)
    {
        using var health = new HealthBridge();
        using var rig = new IsolationRig(health.Report);
        string id = fault.Replace('_', '-');
        rig.Play(Victim, rig.InProcess("mev-noise", "mev_noise", Victim));

        var result = rig.TryIsolate(id, NativeArtifacts.Faulty(fault), Faulty);
        Assert.False(result.Succeeded);
        Assert.NotNull(result.Failure);
        Assert.Equal(expected, result.Failure!.Kind);
        Assert.Equal(id, result.Failure.ModuleId);
        health.Registry.ReportLoading(id);
        health.Registry.Refuse(id, result.Failure.Reason);
        var peaks = rig.Run(20);

        Assert.Equal(ModuleState.Refused, health.Registry.StateOf(id).State);
        Assert.All(peaks.Skip(2), p => Assert.True(p[Victim] > 0f));
        // After a host restart the same load is refused again for the same typed reason (refusal is recomputed, not stored).
        Assert.Equal(expected, rig.TryIsolate(id, NativeArtifacts.Faulty(fault), Faulty).Failure?.Kind);
    }

    [Fact]
    public void Crash_in_create_instance_is_a_load_fault_blamed_on_init_and_disabled_after_the_strikes()
    {
        using var health = new HealthBridge();
        using var rig = new IsolationRig(health.Report);
        const string id = "crash-create";
        for (int attempt = 0; attempt < 3 && health.Registry.StateOf(id).State != ModuleState.DisabledByPolicy; attempt++)
        {
            var result = rig.TryIsolate(id, NativeArtifacts.Faulty("crash_create"), Faulty);
            Assert.NotNull(result.Fault);
            Assert.Equal(WorkerFaultKind.Crash, result.Fault!.Kind);
            Assert.Equal(CallPhase.Init, result.Fault.Phase);
            Assert.Equal(11, result.Fault.Signal);
            health.Report(result.Fault);
        }
        Assert.Equal(ModuleState.DisabledByPolicy, health.Registry.StateOf(id).State);
        Assert.Equal(ModuleState.DisabledByPolicy, health.Open().StateOf(id).State);
    }
}
