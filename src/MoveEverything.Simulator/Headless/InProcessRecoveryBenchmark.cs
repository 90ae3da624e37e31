using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// `mev bench recovery`, in-process column: the real engine under <see cref="EngineSupervisor"/> plays full-scale
/// noise in slot 1; once it runs (and, with a warm standby, once the standby is parked) the faulty module is loaded
/// into slot 2 the way the UI host loads one, and kills or hangs the engine at its first render. Measured from the
/// faulting call's entry (the pedal's timestamp): when the supervisor blamed it, and when slot 1's peak came back
/// from the next engine; plus where that engine's start spent its time (<see cref="EngineStartTimeline"/>).
/// </summary>
public sealed unsafe class InProcessRecoveryBenchmark(string victimPath, bool warmStandby)
{
    private const int Victim = 0, Faulty = 1;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public InProcessRecoveryFigures Measure(string faultyPath, int runs)
    {
        var blame = new List<double>();
        var resume = new List<double>();
        var starts = new List<EngineStartTimeline>();
        var audioSeen = new List<double>();
        string example = "";
        for (int r = 0; r < runs; r++)
        {
            var launch = new EngineLaunch
            {
                ChannelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-bench-recovery-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl"),
                Transport = "free-running", Realtime = true, Demo = false, Isolate = "none", // the in-process row, whatever the engine default
                Loads = [new ChainLoad(Victim, SlotStatus.GeneratorPosition, victimPath)],
            };
            using var supervisor = new EngineSupervisor(launch, new SupervisorOptions { WarmStandby = warmStandby }, NullLogger.Instance, new BlameListCrashSink());
            long faultTicks = 0, diedTicks = 0;
            supervisor.EngineDied += f =>
            {
                diedTicks = Stopwatch.GetTimestamp();
                faultTicks = supervisor.Channel.BlockPedal->InCall == 1 ? supervisor.Channel.BlockPedal->EnteredTimestamp : diedTicks;
                supervisor.Channel.Status->SlotTable[Victim].Peak = 0;
                example = f.Describe();
            };
            supervisor.Start();
            if (!WaitFor(() => supervisor.Channel.Status->SlotTable[Victim].Peak > 0 && (!warmStandby || supervisor.StandbyReady))) continue;
            supervisor.Channel.Commands.TryWrite(EngineCommand.LoadPlugin(Faulty, SlotStatus.GeneratorPosition, faultyPath, 1));
            if (!WaitFor(() => Volatile.Read(ref diedTicks) != 0 && supervisor.Restarts > 0 && supervisor.Channel.Status->Heartbeat > 0
                && supervisor.Channel.Status->SlotTable[Victim].Peak > 0)) continue;
            long resumed = Stopwatch.GetTimestamp();
            blame.Add(Ms(diedTicks - faultTicks));
            resume.Add(Ms(resumed - faultTicks));
            if (WaitFor(() => supervisor.StartTimeline is { Complete: true }, TimeSpan.FromSeconds(2)) && supervisor.StartTimeline is { } t)
            {
                starts.Add(t);
                audioSeen.Add(Ms(resumed - t.FirstBlockDone));
            }
            supervisor.Stop();
        }
        return new InProcessRecoveryFigures([.. blame], [.. resume], starts, [.. audioSeen], example);
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (limit ?? Limit)) return false;
            Thread.Sleep(1);
        }
        return true;
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
