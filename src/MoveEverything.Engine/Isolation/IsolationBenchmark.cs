using System.Diagnostics;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Process;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Measurements of isolated mode for <c>mev bench recovery</c>, on the calling thread as the block thread of a
/// private rack paced at the real block period: the worker round trip, the block thread's cost per isolated
/// plugin per block, and detection/recovery after a worker crash or hang while another slot plays in-process.
/// </summary>
public sealed class IsolationBenchmark(string victimPath, IsolationOptions? options = null)
{
    private const int Victim = 0, Isolated = 1;
    private readonly IsolationOptions _options = options ?? IsolationOptions.Default;

    /// <summary>Plays <paramref name="pluginPath"/> isolated for <paramref name="blocks"/> blocks with a note every 64 blocks.</summary>
    public RoundTripFigures MeasureRoundTrip(string pluginPath, int blocks)
    {
        using var session = new Session(victimPath, _options, null);
        var isolated = session.Isolate("bench-isolated", pluginPath);
        session.Run(blocks, b => b % 64 == 0 ? [MidiEvent.NoteOn(0, 48 + b / 64 % 24, 100, Isolated)] : []);
        var roundTrips = new double[_options.RoundTripWindow];
        int n = isolated.CopyRoundTrips(roundTrips);
        Span<long> scratch = new long[session.Host.Options.TimingWindowBlocks];
        var proxy = isolated.Plugin.Timing.Snapshot(scratch);
        return new RoundTripFigures(roundTrips[..n], proxy.AverageMicroseconds, proxy.P99Microseconds, proxy.MaxMicroseconds,
            isolated.AnsweredBlocks, isolated.LateBlocks, session.VictimSilentBlocks);
    }

    /// <summary>
    /// Loads a faulty plugin isolated beside the in-process victim and waits for <paramref name="faults"/> faults:
    /// per fault, the time from the faulting call (worker pedal) to the watchdog's blame, and from the blame to the
    /// restarted worker being ready; plus the victim's silent blocks over the whole run (should be 0).
    /// </summary>
    public FaultFigures MeasureFaults(string faultyPath, int faults, int maxBlocks = 20_000)
    {
        var readyAt = new List<long>();
        using var session = new Session(victimPath, _options with { RestartBackoffInitialMs = 1, RestartBackoffMaxMs = 1 }, _ => WorkerFaultDecision.Restart);
        var isolated = session.Isolate("bench-faulty", faultyPath);
        bool wasReady = true;
        session.Run(maxBlocks, _ => [], () =>
        {
            bool ready = isolated.State == WorkerState.Ready;
            if (ready && !wasReady) readyAt.Add(Stopwatch.GetTimestamp());
            wasReady = ready;
            return session.Isolation.Faults.Count >= faults && readyAt.Count >= faults - 1;
        });
        var list = session.Isolation.Faults;
        var blame = list.Where(f => f.FaultTicks > 0).Select(f => Ms(f.DetectedTicks - f.FaultTicks)).ToArray();
        var restart = list.Take(readyAt.Count).Select((f, i) => Ms(readyAt[i] - f.DetectedTicks)).ToArray();
        return new FaultFigures(list.Count, blame, restart, session.VictimSilentBlocks, list.Select(f => f.Describe()).FirstOrDefault() ?? "");
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>A rack with the victim in-process in slot 1 and one isolated slot, driven on the calling thread.</summary>
    private sealed unsafe class Session : IDisposable
    {
        private readonly PluginLoader _loader;
        private readonly NativePlugin _victim;
        private readonly List<IsolatedPlugin> _isolated = [];
        private readonly Rack _rack;
        private readonly short[] _output = new short[AbiConstants.SamplesPerBlock];

        public Session(string victimPath, IsolationOptions options, Func<WorkerFault, WorkerFaultDecision>? onFault)
        {
            Host = new HostServices(DspOptions.Default);
            Host.BindBlockThread();
            _loader = new PluginLoader(Host);
            var loaded = _loader.Load(new PluginLoadRequest("bench-victim", victimPath, PluginKind.SoundGenerator, Slot: Victim));
            if (!loaded.Succeeded) throw new InvalidOperationException(loaded.Failure.Reason);
            _victim = loaded.Plugin;
            _rack = new Rack(Host);
            _rack.Publish(Victim, new SlotChain(Host.Options, Victim, _victim));
            Isolation = new IsolationHost(options, Host.Options, onFault);
        }

        public HostServices Host { get; }
        public IsolationHost Isolation { get; }
        public long VictimSilentBlocks { get; private set; }

        public IsolatedPlugin Isolate(string id, string path)
        {
            var result = Isolation.Load(new PluginLoadRequest(id, path, PluginKind.SoundGenerator, Slot: Isolated));
            if (!result.Succeeded) throw new InvalidOperationException(result.Describe());
            _isolated.Add(result.Isolated!);
            _rack.Publish(Isolated, new SlotChain(Host.Options, Isolated, result.Plugin));
            return result.Isolated!;
        }

        public void Run(int blocks, Func<int, MidiEvent[]> midi, Func<bool>? until = null)
        {
            long period = (long)(AbiConstants.FramesPerBlock * 1_000_000_000.0 / AbiConstants.SampleRate);
            long next = LinuxRealtime.NowNanos();
            for (int b = 0; b < blocks; b++)
            {
                _rack.ProcessBlock(midi(b), _output);
                if (b > 2 && _rack.GetSlotPeak(Victim) == 0f) VictimSilentBlocks++;
                while (_rack.TryTakeRetired(out var chain)) chain.Dispose();
                if (until?.Invoke() == true) return;
                next += period;
                LinuxRealtime.SleepUntil(next);
            }
        }

        public void Dispose()
        {
            foreach (var chain in _rack.TakeAllChains()) chain.Dispose();
            foreach (var isolated in _isolated) Isolation.Unload(isolated);
            Isolation.Dispose();
            _loader.Unload(_victim);
            _loader.Dispose();
            _rack.Dispose();
            Host.Dispose();
        }
    }
}

/// <summary>Round trip publish→answer (µs, one per answered block) and the block thread's cost per isolated plugin.</summary>
public sealed record RoundTripFigures(double[] RoundTripsMicroseconds, double ProxyAverageMicroseconds, double ProxyP99Microseconds,
    double ProxyMaxMicroseconds, long Answered, long Late, long VictimSilentBlocks);

/// <summary>Per fault: ms from the faulting call to the blame, ms from the blame to a ready worker; the victim's silent blocks.</summary>
public sealed record FaultFigures(int Faults, double[] BlameMilliseconds, double[] RestartMilliseconds, long VictimSilentBlocks, string Example);
