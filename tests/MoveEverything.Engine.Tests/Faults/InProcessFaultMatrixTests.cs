using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MoveEverything.Engine.Tests.Support;
using MoveEverything.Health.States;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Engine.Tests.Faults;

/// <summary>
/// Fault-injection matrix, in-process column (issue 4 item 8): the real engine process (free-running transport)
/// plays full-scale noise in slot 1 and a faulty plugin in slot 2 under the supervisor. Asserts: the supervisor
/// (this process) stays up, the right module and phase are blamed, the final state is the policy's, slot 1 plays
/// again after the last restart, and the state survives a host restart.
/// </summary>
[Collection(Supervision.SupervisedEngineCollection.Name)]
public sealed unsafe class InProcessFaultMatrixTests
{
    private const int Victim = 0, Faulty = 1;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static TheoryData<string, PluginPhase, EngineDeathKind?, ModuleState> Faults => new()
    {
        { "crash_render", PluginPhase.Render, EngineDeathKind.Crash, ModuleState.DisabledByPolicy },
        { "abort_render", PluginPhase.Render, EngineDeathKind.Crash, ModuleState.DisabledByPolicy },
        { "crash_midi", PluginPhase.Midi, EngineDeathKind.Crash, ModuleState.DisabledByPolicy },
        { "hang_render", PluginPhase.Render, EngineDeathKind.Hang, ModuleState.DisabledByPolicy },
        { "crash_create", PluginPhase.Init, EngineDeathKind.Crash, ModuleState.DisabledByPolicy },
        { "slow_render", PluginPhase.None, null, ModuleState.Bypassed },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Engine_death_blames_the_module_and_the_other_slot_plays_again(string fault, PluginPhase phase, EngineDeathKind? death, ModuleState final)
    {
        using var health = new HealthBridge();
        string id = fault;
        using var supervisor = Start(health, fault);
        var clock = Stopwatch.StartNew();
        while (health.Registry.StateOf(id).State != final && clock.Elapsed < Limit)
        {
            supervisor.Channel.Commands.TryWrite(EngineCommand.MidiToSlot(Faulty, 0x09 | 0x90u << 8 | 60u << 16 | 100u << 24));
            ref var module = ref supervisor.Channel.Status->SlotTable[Faulty].Modules[SlotStatus.GeneratorPosition];
            if (module.State == ModuleRunState.Bypassed && health.Registry.StateOf(id).State == ModuleState.Running)
                health.Registry.Bypass(id, "overran its CPU share");
            if (module.State == ModuleRunState.Running && health.Registry.StateOf(id).State != ModuleState.Running)
            {
                health.Registry.ReportLoading(id);
                health.Registry.ReportRunning(id);
            }
            Thread.Sleep(10);
        }
        Assert.Equal(final, health.Registry.StateOf(id).State);
        if (death is { } kind)
        {
            Assert.NotEmpty(supervisor.Deaths);
            Assert.All(supervisor.Deaths, d => { Assert.Equal(id, d.ModuleId); Assert.Equal(kind, d.Kind); Assert.Equal(phase, d.Phase); });
        }
        else Assert.Empty(supervisor.Deaths);
        AssertVictimPlays(supervisor);
        Assert.Equal(final == ModuleState.DisabledByPolicy ? ModuleState.DisabledByPolicy : ModuleState.Stopped, health.Open().StateOf(id).State);
    }

    public static TheoryData<string, LoadResultCode> Refusals => new()
    {
        { "wrong_version", LoadResultCode.WrongApiVersion },
        { "missing_symbol", LoadResultCode.MissingSymbol },
        { "null_create", LoadResultCode.CreateInstanceFailed },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refused_plugin_fails_with_its_typed_reason_and_the_engine_plays_on(string fault, LoadResultCode code)
    {
        using var health = new HealthBridge();
        using var supervisor = Start(health, fault);
        Assert.True(supervisor.WaitForBlocks(20, Limit));
        ref var module = ref supervisor.Channel.Status->SlotTable[Faulty].Modules[SlotStatus.GeneratorPosition];
        Assert.Equal(ModuleRunState.Failed, module.State);
        Assert.Equal(code, (LoadResultCode)module.Reason);
        Assert.Empty(supervisor.Deaths);
        AssertVictimPlays(supervisor);
    }

    private static EngineSupervisor Start(HealthBridge health, string fault)
    {
        var launch = new EngineLaunch
        {
            ChannelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-matrix-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl"),
            Transport = "free-running", Realtime = false, Demo = false, Isolate = "none", // this matrix is about in-process faults
            Loads = [new ChainLoad(Victim, SlotStatus.GeneratorPosition, NativeArtifacts.Plugin("mev_noise")),
                     new ChainLoad(Faulty, SlotStatus.GeneratorPosition, NativeArtifacts.Faulty(fault))],
        };
        var supervisor = new EngineSupervisor(launch, new SupervisorOptions { RestartBackoffInitialMs = 20 }, NullLogger.Instance, new HealthCrashSink(health.Registry));
        supervisor.Start();
        return supervisor;
    }

    /// <summary>The current engine renders slot 1 again: its peak, cleared here, comes back above zero.</summary>
    private static void AssertVictimPlays(EngineSupervisor supervisor)
    {
        var status = supervisor.Channel.Status;
        var clock = Stopwatch.StartNew();
        status->SlotTable[Victim].Peak = 0;
        while (status->SlotTable[Victim].Peak == 0 && clock.Elapsed < Limit) Thread.Sleep(10);
        Assert.True(status->SlotTable[Victim].Peak > 0, "slot 1 did not play again");
    }
}
