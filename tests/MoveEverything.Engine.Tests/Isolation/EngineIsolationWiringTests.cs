using System.Diagnostics;
using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Process;
using MoveEverything.Engine.Tests.Process;
using MoveEverything.Engine.Tests.Support;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Tests.Isolation;

/// <summary>
/// The engine process wired to isolation: with <c>--isolate all</c> a module crashing in render runs in a worker,
/// so the engine lives on, the healthy slot keeps playing and the faulty module's status shows the crash.
/// </summary>
public sealed unsafe class EngineIsolationWiringTests
{
    private const int Healthy = 0, Faulty = 1;

    [Fact]
    public void Isolate_argument_round_trips_and_reaches_the_engine_options()
    {
        var launch = new EngineLaunch { ChannelPath = "/tmp/x", Isolate = "all" };
        var parsed = EngineArguments.Parse(launch.ToArgs());
        Assert.Null(parsed.Error);
        Assert.Equal(IsolationMode.All, parsed.Options.Isolation);
        Assert.Equal(IsolationMode.Untrusted, EngineArguments.Parse(["--channel", "/tmp/x"]).Options.Isolation);
        Assert.NotNull(EngineArguments.Parse(["--channel", "/tmp/x", "--isolate", "some"]).Error);
    }

    [Fact]
    public void By_default_untrusted_loads_run_in_a_worker_and_trusted_ones_and_builtins_in_process()
    {
        const int Untrusted = 0, Trusted = 1, Builtin = 2;
        using var engine = new EngineProcessHarness(new EngineLaunch
        {
            Transport = "free-running", Realtime = false, Demo = false, // no --isolate: the engine's default
            Loads = [new ChainLoad(Untrusted, SlotStatus.GeneratorPosition, NativeArtifacts.Plugin("mev_noise")),
                     new ChainLoad(Trusted, SlotStatus.GeneratorPosition, NativeArtifacts.Plugin("mev_noise"), LoadFlags.Trusted),
                     new ChainLoad(Builtin, SlotStatus.GeneratorPosition, ChainLoad.BuiltinSynthPath)],
        });
        var status = engine.Status;
        engine.WaitUntil(() => status->SlotTable[Builtin].Modules[SlotStatus.GeneratorPosition].State == ModuleRunState.Running, "the start-up chain loaded");
        Assert.Equal(1, status->SlotTable[Untrusted].Modules[SlotStatus.GeneratorPosition].Isolated);
        Assert.Equal(0, status->SlotTable[Trusted].Modules[SlotStatus.GeneratorPosition].Isolated);
        Assert.Equal(0, status->SlotTable[Builtin].Modules[SlotStatus.GeneratorPosition].Isolated);
        Assert.Equal(LoadFlags.Trusted, status->SlotTable[Trusted].Modules[SlotStatus.GeneratorPosition].Flags);
        // A control-channel load follows the same rule.
        Assert.Equal((int)LoadResultCode.Ok, engine.Ask(EngineCommand.LoadPlugin(3, SlotStatus.GeneratorPosition, NativeArtifacts.Plugin("mev_noise"), 7)).Code);
        Assert.Equal(1, status->SlotTable[3].Modules[SlotStatus.GeneratorPosition].Isolated);
        status->SlotTable[Untrusted].Peak = 0;
        engine.WaitUntil(() => status->SlotTable[Untrusted].Peak > 0, "the isolated slot plays");
    }

    [Fact]
    public void Render_crash_in_a_worker_leaves_the_healthy_slot_playing_and_shows_the_crash()
    {
        using var engine = new EngineProcessHarness(new EngineLaunch
        {
            Transport = "free-running", Realtime = false, Demo = false, Isolate = "all",
            Loads = [new ChainLoad(Healthy, SlotStatus.GeneratorPosition, NativeArtifacts.Plugin("mev_noise")),
                     new ChainLoad(Faulty, SlotStatus.GeneratorPosition, NativeArtifacts.Faulty("crash_render"))],
        });
        var status = engine.Status;
        engine.WaitUntil(() => status->SlotTable[Faulty].Modules[SlotStatus.GeneratorPosition].State == ModuleRunState.Crashed,
            "the faulty module's status shows the crash");
        ref var crashed = ref status->SlotTable[Faulty].Modules[SlotStatus.GeneratorPosition];
        Assert.Equal(LoadResultCode.WorkerFaulted, (LoadResultCode)crashed.Reason);
        // How, where and by what, from the worker's own pedal and exit status: the health record names it.
        Assert.Equal((ModuleFaultKind.Crash, PluginPhase.Render, (byte)11), (crashed.FaultKind, crashed.FaultPhase, crashed.FaultSignal));
        Assert.Equal(ModuleRunState.Running, status->SlotTable[Healthy].Modules[SlotStatus.GeneratorPosition].State);
        status->SlotTable[Healthy].Peak = 0;
        engine.WaitUntil(() => status->SlotTable[Healthy].Peak > 0, "the healthy slot plays after the crash");
    }
}
