using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MoveEverything.Hardware;
using MoveEverything.Health;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Trust;
using MoveEverything.Storage;
using MoveEverything.Hardware.Simulated;
using MoveEverything.Ipc;
using MoveEverything.Simulator.Device;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// Runs the supervisor + engine process for a fixed time, plays a scenario into it and summarises what happened.
/// The engine talks to a <see cref="SimulatedMove"/> over a shared-memory link; scenario events are played on that
/// device. <paramref name="onStarted"/> (e.g. the web simulator) gets the device once the engine runs.
/// With <see cref="HeadlessOptions.UiHost"/> the supervisor also runs the UI host child (it consumes the control
/// channel's events and decides where pads go); the scenario starts once the engine reports it attached.
/// Without it the runner is the control channel's only command producer and event consumer.
/// </summary>
public sealed unsafe class HeadlessRunner(HeadlessOptions options, ILogger logger)
{
    /// <summary>The host-start counter of this run (only with a persistent data root): unhealthy starts lead to host safe mode.</summary>
    private HostStartSession? _start;

    public HeadlessSummary Run(CancellationToken cancel = default, Action<SimulatedMove>? onStarted = null)
    {
        using var endpoint = options.SimulatedMove ? SimulatedDeviceEndpoint.CreateLink(SimulatedLink.NewPath()) : null;
        using var move = endpoint != null ? new SimulatedMove(endpoint) : null;
        var loads = options.Slots.OrderBy(s => s.Key)
            .Select(s => (Slot: s.Key - 1, Path: options.ResolvePath(s.Value)))
            // Built-in modules (builtin: DSPs, the repository's modules/) are trusted: they may run in-process.
            .Select(l => new ChainLoad(l.Slot, SlotStatus.GeneratorPosition, l.Path,
                BuiltInModules.Contains(l.Path, BuiltInModules.DefaultRoots()) ? LoadFlags.Trusted : LoadFlags.None)).ToArray();
        var launch = new EngineLaunch
        {
            ChannelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-sim-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl"),
            Transport = endpoint != null ? "link:" + endpoint.LinkPath : "free-running", Realtime = options.Realtime, Loads = loads,
            Isolate = options.Isolate,
            Demo = true, // the built-in synth in slot 1; pads play it while no UI host is attached
        };
        var sink = new BlameListCrashSink();
        string? tempData = options.UiHost && options.DataRoot == null ? Directory.CreateTempSubdirectory("mev-sim-").FullName : null;
        string dataRoot = options.DataRoot ?? tempData ?? "";
        // Native crashes become persisted strikes in the same Health registry the UI host writes JS faults to.
        ICrashSink crashSink = dataRoot.Length == 0 ? sink : new TeeCrashSink(sink, new HealthCrashSink(
            new ModuleHealthRegistry(new FileModuleHealthStore(new DataPaths(dataRoot)), HealthPolicy.Default, TimeProvider.System),
            trust: new TrustBook(new FileTrustStore(new DataPaths(dataRoot)), HealthPolicy.Default, TimeProvider.System)));
        if (options.DataRoot != null) launch = BeginHostStart(launch, new DataPaths(options.DataRoot));
        string statusFile = Path.Combine(dataRoot, $"uihost-status-{Environment.ProcessId}.json");
        using var ui = options.UiHost ? new UiHostProcess(new UiHostLaunch
        {
            ModuleRoots = options.UiModuleRoots, DataRoot = dataRoot, Open = options.Open, StatusFile = statusFile,
        }, logger) : null;
        try
        {
            using var supervisor = new EngineSupervisor(launch, null, logger, crashSink, ui, resolvePath: options.ResolvePath);
            move?.Start();
            supervisor.Start();
            if (!supervisor.WaitForBlocks(1, TimeSpan.FromSeconds(options.StartTimeoutSeconds)))
                throw new TimeoutException("the engine did not start producing blocks");
            bool attached = ui == null || WaitForUi(supervisor, cancel);
            if (move != null) onStarted?.Invoke(move);
            var summary = RunStarted(supervisor, move, sink, cancel);
            ui?.Stop(TimeSpan.FromSeconds(3)); // SIGTERM first: the UI host leaves its module and detaches
            supervisor.Stop();
            _start?.End();
            move?.Stop();
            if (ui == null) return summary;
            var status = UiStatus.TryRead(statusFile);
            return summary with
            {
                Modules = [.. summary.Modules, .. (status?.Modules ?? []).Select(m => new ModuleSummary(m.Id, 0, -1, m.State, m.Error))],
                Ui = new UiSummary(attached, status?.View ?? "unknown", status?.Module, ui.Starts),
            };
        }
        finally
        {
            if (tempData != null) try { Directory.Delete(tempData, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Marks this start pending before anything risky runs (HostStartTracker). After too many starts that never
    /// became healthy this start is in host safe mode: only built-in modules are loaded; the UI host reads the same
    /// record and shows the safe-mode screen.
    /// </summary>
    private EngineLaunch BeginHostStart(EngineLaunch launch, DataPaths paths)
    {
        _start = new HostStartSession(new FileHostStartStore(paths), HealthPolicy.Default, TimeProvider.System);
        var decision = _start.Begin();
        if (decision.PersistError is { } error) logger.LogWarning("host start not recorded: {Error}", error);
        if (!decision.SafeMode) return launch;
        logger.LogWarning("{Message}", decision.DisplayMessage);
        return launch with { Loads = launch.Loads.Where(l => BuiltInModules.Contains(l.Path, BuiltInModules.DefaultRoots())).ToArray() };
    }

    /// <summary>Waits for the engine's UiAttached flag, so scenario events reach a UI host that is listening.</summary>
    private bool WaitForUi(EngineSupervisor supervisor, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        while ((supervisor.Channel.Status->Flags & EngineFlags.UiAttached) == 0)
        {
            if (clock.Elapsed.TotalSeconds > options.UiAttachTimeoutSeconds || cancel.IsCancellationRequested)
            {
                logger.LogWarning("the UI host did not attach within {Seconds} s; running without it", options.UiAttachTimeoutSeconds);
                return false;
            }
            Thread.Sleep(10);
        }
        return true;
    }

    private HeadlessSummary RunStarted(EngineSupervisor supervisor, SimulatedMove? move, BlameListCrashSink sink, CancellationToken cancel)
    {
        var peaks = new double[StatusBlock.Slots];
        var modules = new Dictionary<(int, int), ModuleSummary>();
        Play(supervisor, move, peaks, modules, drainEvents: !options.UiHost, cancel);
        Sample(supervisor.Channel, peaks, modules);
        var status = supervisor.Channel.Status;
        var summary = new HeadlessSummary(
            supervisor.TotalBlocks, status->MissedBlocks, options.Seconds, (status->Flags & EngineFlags.Realtime) != 0,
            supervisor.Restarts, status->EscapeCount,
            Enumerable.Range(0, StatusBlock.Slots).Select(s => new SlotSummary(s + 1, ModuleIn(supervisor.Channel, s, modules), Math.Round(peaks[s], 4))).ToArray(),
            WithCrashes(modules.Values, sink), supervisor.Deaths.Select(d => new CrashSummary(d.ModuleId, d.Kind.ToString().ToLowerInvariant(),
                d.Phase.ToString().ToLowerInvariant(), d.Describe())).ToArray(),
            status->Gen0Collections + status->Gen1Collections + status->Gen2Collections, status->AllocatedBytes);
        return summary;
    }

    private void Play(EngineSupervisor supervisor, SimulatedMove? move, double[] peaks, Dictionary<(int, int), ModuleSummary> modules,
        bool drainEvents, CancellationToken cancel)
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
            if (drainEvents) while (supervisor.Channel.Events.TryRead(out _)) { } // no UI host: the runner is the event consumer
            if (clock.ElapsedMilliseconds - lastSample >= options.SampleMs)
            {
                Sample(supervisor.Channel, peaks, modules);
                lastSample = clock.ElapsedMilliseconds;
                _start?.ReportClockedAudio(TimeSpan.FromMicroseconds(supervisor.TotalBlocks * MailboxLayout.BlockMicroseconds));
            }
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
