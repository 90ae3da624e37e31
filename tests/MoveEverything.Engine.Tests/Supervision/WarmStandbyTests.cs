using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MoveEverything.Engine.Tests.Support;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Engine.Tests.Supervision;

/// <summary>
/// The warm standby engine (issue 4 item 3: other slots back within 250 ms after an in-process death): a standby
/// touches no real channel before activation, becomes a normal engine with the chain it is given, allocates nothing
/// in steady state afterwards, and the supervisor resumes from it after a crash and then parks a fresh one.
/// Waits are bounded liveness guards, not timing assertions.
/// </summary>
[Collection(SupervisedEngineCollection.Name)]
public sealed unsafe class WarmStandbyTests
{
    private const int Victim = 0;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void Standby_leaves_the_channel_alone_until_activated_then_plays_the_chain_it_is_given()
    {
        using var channel = ControlChannel.Create(ChannelPath("standby"));
        using var spawner = new ProcessSpawner();
        var standby = new StandbyEngine(spawner.Start(EngineExecutable.StandbyStartInfo(200, lockMemory: false)));
        try
        {
            Assert.True(WaitFor(() => standby.IsReady), "the standby never reported ready");
            Assert.Equal(0, channel.Status->Heartbeat);
            Assert.Equal(0, channel.Status->EnginePid);
            Assert.Equal(0f, channel.Status->SlotTable[Victim].PeakHold);

            Assert.True(standby.TryActivate(Noise(channel.Path).ToArgs()));
            Assert.True(WaitFor(() => channel.Status->Heartbeat > 10 && channel.Status->SlotTable[Victim].Peak > 0), "the activated standby did not play slot 1");
            Assert.Equal(standby.Pid, channel.Status->EnginePid);
            Assert.False(standby.TryActivate(Noise(channel.Path).ToArgs()), "a standby can be activated once only");
        }
        finally { Kill(standby.Process); }
    }

    [Fact]
    public void Activation_that_cannot_travel_on_one_line_is_refused_and_the_standby_stays_parked()
    {
        using var channel = ControlChannel.Create(ChannelPath("refuse"));
        using var spawner = new ProcessSpawner();
        using var standby = new StandbyEngine(spawner.Start(EngineExecutable.StandbyStartInfo(0, lockMemory: false)));
        Assert.True(WaitFor(() => standby.IsReady), "the standby never reported ready");
        var launch = Noise(channel.Path) with { Loads = [new ChainLoad(Victim, SlotStatus.GeneratorPosition, "/tmp/a\tb.so")] };
        Assert.False(standby.TryActivate(launch.ToArgs()));
        Assert.True(standby.IsReady);
        Assert.Equal(0, channel.Status->Heartbeat);
    }

    [Fact]
    public void Activated_standby_allocates_nothing_in_steady_state()
    {
        using var channel = ControlChannel.Create(ChannelPath("nogc"));
        using var spawner = new ProcessSpawner();
        var standby = new StandbyEngine(spawner.Start(EngineExecutable.StandbyStartInfo(200, lockMemory: false)));
        try
        {
            Assert.True(WaitFor(() => standby.IsReady), "the standby never reported ready");
            var launch = Noise(channel.Path) with
            {
                Transport = "unpaced", WarmupBlocks = 300,
                Loads = [new ChainLoad(Victim, SlotStatus.GeneratorPosition, NativeArtifacts.Plugin("mev_synth"), LoadFlags.Trusted)],
            };
            Assert.True(standby.TryActivate(launch.ToArgs()));
            var status = channel.Status;
            Assert.True(WaitFor(() => (status->Flags & EngineFlags.SteadyState) != 0), "no steady state");
            PlayUntil(channel, Volatile.Read(ref status->Heartbeat) + 1_000);
            WaitForTelemetry(status);
            long allocated = status->AllocatedBytes, gen0 = status->Gen0Collections;
            PlayUntil(channel, Volatile.Read(ref status->Heartbeat) + 5_000);
            WaitForTelemetry(status);
            Assert.True(status->SlotTable[Victim].PeakHold > 0.01f, "the synth made no sound");
            Assert.Equal(allocated, status->AllocatedBytes);
            Assert.Equal(gen0, status->Gen0Collections);
        }
        finally { Kill(standby.Process); }
    }

    [Fact]
    public void Supervisor_resumes_from_the_standby_after_a_crash_and_parks_a_new_one()
    {
        var launch = Noise(ChannelPath("supervised"));
        using var supervisor = new EngineSupervisor(launch, new SupervisorOptions { StandbyRespawnDelayMs = 0, StandbyWarmupBlocks = 200 },
            NullLogger.Instance, new BlameListCrashSink());
        supervisor.Start();
        Assert.True(WaitFor(() => supervisor.StandbyReady && supervisor.Channel.Status->SlotTable[Victim].Peak > 0), "no ready standby beside a playing engine");
        int standbyPid = supervisor.StandbyPid!.Value;
        Assert.NotEqual(supervisor.EnginePid, standbyPid);

        supervisor.Channel.Commands.TryWrite(EngineCommand.LoadPlugin(1, SlotStatus.GeneratorPosition, NativeArtifacts.Faulty("crash_render"), 1));
        Assert.True(WaitFor(() => supervisor.Restarts == 1 && supervisor.Channel.Status->Heartbeat > 0), "the engine was not restarted");
        supervisor.Channel.Status->SlotTable[Victim].Peak = 0;
        Assert.True(WaitFor(() => supervisor.Channel.Status->SlotTable[Victim].Peak > 0), "slot 1 did not play again");

        Assert.Equal(standbyPid, supervisor.EnginePid);
        Assert.Equal("crash_render", Assert.Single(supervisor.Deaths).ModuleId);
        Assert.True(WaitFor(() => supervisor.StartTimeline is { Complete: true }), "the restart's phases were not reported");
        Assert.True(supervisor.StartTimeline!.FromStandby);
        Assert.True(WaitFor(() => supervisor.StandbyReady && supervisor.StandbyPid != standbyPid), "no fresh standby after the activation");
    }

    [Fact]
    public void An_untrusted_module_restored_by_the_standby_runs_in_a_worker_again()
    {
        // Engine default isolation (untrusted): the noise module carries no Trusted flag, so it runs in a worker; the
        // managed built-in fault kills the engine itself. The standby must restore the worker, not just the engine.
        var launch = Noise(ChannelPath("restored-worker")) with { Isolate = null };
        using var supervisor = new EngineSupervisor(launch, new SupervisorOptions { StandbyRespawnDelayMs = 0, StandbyWarmupBlocks = 200 },
            NullLogger.Instance, new BlameListCrashSink());
        supervisor.Start();
        var status = supervisor.Channel.Status;
        Assert.True(WaitFor(() => supervisor.StandbyReady && status->SlotTable[Victim].Peak > 0), "no ready standby beside a playing engine");
        Assert.Equal(1, status->SlotTable[Victim].Modules[SlotStatus.GeneratorPosition].Isolated);

        supervisor.Channel.Commands.TryWrite(EngineCommand.LoadPlugin(1, SlotStatus.GeneratorPosition, "builtin:fault-segv", 1));
        Assert.True(WaitFor(() => supervisor.Restarts == 1 && status->Heartbeat > 0), "the engine was not restarted");
        status->SlotTable[Victim].Peak = 0;
        Assert.True(WaitFor(() => status->SlotTable[Victim].Peak > 0), "the restored worker did not play");
        Assert.True(WaitFor(() => supervisor.StartTimeline is { Complete: true }), "the restart's phases were not reported");
        Assert.True(supervisor.StartTimeline!.FromStandby);
        Assert.Equal(1, status->SlotTable[Victim].Modules[SlotStatus.GeneratorPosition].Isolated);
    }

    internal static EngineLaunch Noise(string channelPath) => new()
    {
        // In-process on purpose: these tests are about the engine's own death and restart, not a worker's.
        ChannelPath = channelPath, Transport = "free-running", Realtime = false, Demo = false, Isolate = "none",
        Loads = [new ChainLoad(Victim, SlotStatus.GeneratorPosition, NativeArtifacts.Plugin("mev_noise"))],
    };

    internal static string ChannelPath(string what) =>
        Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-standby-test-{what}-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl");

    internal static bool WaitFor(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Limit) return false;
            Thread.Sleep(5);
        }
        return true;
    }

    private static void PlayUntil(ControlChannel channel, long block)
    {
        uint note = 0;
        while (Volatile.Read(ref channel.Status->Heartbeat) < block)
        {
            uint key = 60 + note++ % 12;
            channel.Commands.TryWrite(EngineCommand.MidiToSlot(Victim, 0x7F00_9009u | key << 16));
            channel.Commands.TryWrite(EngineCommand.ParamSet(Victim, SlotStatus.GeneratorPosition, "synth:gain", note % 2 == 0 ? "0.7" : "0.6"));
            while (channel.Events.TryRead(out _)) { }
            while (channel.BlockLog.TryRead(out _)) { }
            while (channel.ControlLog.TryRead(out _)) { }
            Thread.Yield();
        }
    }

    private static void WaitForTelemetry(StatusBlock* status)
    {
        long seen = Volatile.Read(ref status->TelemetrySamples);
        Assert.True(WaitFor(() => Volatile.Read(ref status->TelemetrySamples) >= seen + 2), "no fresh telemetry");
    }

    private static void Kill(System.Diagnostics.Process process)
    {
        if (!process.HasExited) { process.Kill(); process.WaitForExit(); }
        process.Dispose();
    }
}
