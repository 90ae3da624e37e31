using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MoveEverything.Hardware;
using MoveEverything.Hardware.Simulated;
using MoveEverything.Ipc;
using MoveEverything.Simulator.Device;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// Runs the supervisor + engine process for a fixed time, plays a scenario into it and summarises what happened.
/// The engine talks to a <see cref="SimulatedMove"/> over a shared-memory link; scenario events are played on that
/// device. <paramref name="onStarted"/> (e.g. the web simulator) gets the device once the engine runs.
/// The runner is the control channel's only command producer and event consumer (there is no UI host yet).
/// </summary>
public sealed unsafe class HeadlessRunner(HeadlessOptions options, ILogger logger)
{
    public HeadlessSummary Run(CancellationToken cancel = default, Action<SimulatedMove>? onStarted = null)
    {
        using var endpoint = options.SimulatedMove ? SimulatedDeviceEndpoint.CreateLink(SimulatedLink.NewPath()) : null;
        using var move = endpoint != null ? new SimulatedMove(endpoint) : null;
        var loads = options.Slots.OrderBy(s => s.Key)
            .Select(s => new ChainLoad(s.Key - 1, SlotStatus.GeneratorPosition, options.ResolvePath(s.Value))).ToArray();
        var launch = new EngineLaunch
        {
            ChannelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-sim-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl"),
            Transport = endpoint != null ? "link:" + endpoint.LinkPath : "free-running", Realtime = options.Realtime, Loads = loads,
            Demo = true, // pads play slot 1 while no UI host is attached, whatever module sits there
        };
        var sink = new BlameListCrashSink();
        using var supervisor = new EngineSupervisor(launch, null, logger, sink, resolvePath: options.ResolvePath);
        move?.Start();
        supervisor.Start();
        if (!supervisor.WaitForBlocks(1, TimeSpan.FromSeconds(options.StartTimeoutSeconds)))
            throw new TimeoutException("the engine did not start producing blocks");
        if (move != null) onStarted?.Invoke(move);
        var peaks = new double[StatusBlock.Slots];
        var modules = new Dictionary<(int, int), ModuleSummary>();
        Play(supervisor, move, peaks, modules, cancel);
        Sample(supervisor.Channel, peaks, modules);
        var status = supervisor.Channel.Status;
        var summary = new HeadlessSummary(
            supervisor.TotalBlocks, status->MissedBlocks, options.Seconds, (status->Flags & EngineFlags.Realtime) != 0,
            supervisor.Restarts, status->EscapeCount,
            Enumerable.Range(0, StatusBlock.Slots).Select(s => new SlotSummary(s + 1, ModuleIn(supervisor.Channel, s, modules), Math.Round(peaks[s], 4))).ToArray(),
            WithCrashes(modules.Values, sink), supervisor.Deaths.Select(d => new CrashSummary(d.ModuleId, d.Kind.ToString().ToLowerInvariant(),
                d.Phase.ToString().ToLowerInvariant(), d.Describe())).ToArray(),
            status->Gen0Collections + status->Gen1Collections + status->Gen2Collections, status->AllocatedBytes);
        supervisor.Stop();
        move?.Stop();
        return summary;
    }

    private void Play(EngineSupervisor supervisor, SimulatedMove? move, double[] peaks, Dictionary<(int, int), ModuleSummary> modules, CancellationToken cancel)
    {
        var packets = ScenarioControls.Compile(options.Scenario);
        var clock = Stopwatch.StartNew();
        int next = 0;
        long lastSample = 0;
        while (clock.Elapsed.TotalSeconds < options.Seconds && !cancel.IsCancellationRequested)
        {
            while (next < packets.Count && packets[next].AtMs <= clock.Elapsed.TotalMilliseconds)
            {
                uint p = packets[next].Packet;
                if (move != null) move.SendMidi(UsbMidiPacket.FromUInt32(p));
                else if (!supervisor.Channel.Commands.TryWrite(EngineCommand.InjectInput(p))) break; // ring full: retry next pass
                next++;
            }
            while (supervisor.Channel.Events.TryRead(out _)) { } // no UI host: the runner is the event consumer
            if (clock.ElapsedMilliseconds - lastSample >= options.SampleMs) { Sample(supervisor.Channel, peaks, modules); lastSample = clock.ElapsedMilliseconds; }
            Thread.Sleep(1);
        }
    }

    /// <summary>Peaks and module states survive engine restarts because the runner keeps the maxima and last states.</summary>
    private static void Sample(ControlChannel channel, double[] peaks, Dictionary<(int, int), ModuleSummary> modules)
    {
        for (int slot = 0; slot < StatusBlock.SlotEntries; slot++)
        {
            ref var s = ref channel.Status->SlotTable[slot];
            if (slot < StatusBlock.Slots) peaks[slot] = Math.Max(peaks[slot], Math.Max(s.PeakHold, s.Peak));
            for (int position = 0; position < SlotStatus.Positions; position++)
            {
                ref var m = ref s.Modules[position];
                if (m.State == ModuleRunState.Empty) continue;
                var state = m.State;
                string? error = state is ModuleRunState.Failed or ModuleRunState.Crashed ? LoadResultCodeText.Describe((LoadResultCode)m.Reason) : null;
                modules[(slot, position)] = new ModuleSummary(FixedUtf8.Read(m.IdSpan), slot + 1, position, state.ToString().ToLowerInvariant(), error);
            }
        }
    }

    private static string? ModuleIn(ControlChannel channel, int slot, Dictionary<(int, int), ModuleSummary> modules) =>
        modules.TryGetValue((slot, SlotStatus.GeneratorPosition), out var m) ? m.Id : null;

    private static IReadOnlyList<ModuleSummary> WithCrashes(IEnumerable<ModuleSummary> modules, BlameListCrashSink sink)
    {
        var blamed = sink.Blamed.ToDictionary(b => (b.Slot, b.Position));
        return modules.Select(m => blamed.TryGetValue((m.Slot - 1, m.Position), out var b) && b.ModuleId == m.Id
            ? m with { State = "crashed", Error = b.Describe() } : m).OrderBy(m => m.Slot).ThenBy(m => m.Position).ToArray();
    }
}
