using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// `mev bench engine`: runs the real engine process (free-running clock, realtime when permitted) with N synth
/// slots kept playing, drains every block's timing from the control channel, and reports block work time,
/// engine overhead (block time minus time inside plugins), lateness, missed blocks and the engine's GC figures
/// after warm-up. An optional churn process allocates heavily beside it (what the JS UI host will do).
/// Beside the engine, a baseline process (<see cref="BaselineProcess"/>) sleeps to the same deadlines at the same
/// priority doing nothing; each engine miss is put on the same clock (<see cref="BlockWakeTracker"/>) and paired
/// with the baseline's stalls (<see cref="MissCoincidence"/>), which tells the machine's misses from ours.
/// </summary>
public sealed unsafe class EngineBenchmark(EngineBenchmarkOptions options, ILogger logger)
{
    public EngineBenchmarkResult Run(CancellationToken cancel = default)
    {
        var launch = new EngineLaunch
        {
            ChannelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-bench-{Environment.ProcessId}.ctl"),
            Transport = "free-running", Demo = false, Isolate = options.Isolate,
            // Trusted: the bench measures the in-process engine unless --isolate all asks for workers explicitly.
            Loads = Enumerable.Range(0, options.Slots).Select(s => new ChainLoad(s, SlotStatus.GeneratorPosition, options.SynthPath, LoadFlags.Trusted)).ToArray(),
        };
        using var supervisor = new EngineSupervisor(launch, null, logger, channelOptions: new ControlChannelOptions { TimingCapacity = 65536 });
        supervisor.Start();
        var channel = supervisor.Channel;
        var status = channel.Status;
        if (!supervisor.WaitForBlocks(1, TimeSpan.FromSeconds(60))) throw new TimeoutException("the engine did not start");
        using var churn = options.Churn != null ? Process.Start(options.Churn) : null;
        var sink = new TimingSink();
        // Warm-up: wait for the engine's steady state, then take the GC baseline from a fresh telemetry sample.
        while ((status->Flags & EngineFlags.SteadyState) == 0 && !cancel.IsCancellationRequested) { Drain(channel, sink, measure: false); Thread.Sleep(10); }
        WaitTelemetry(status);
        long gc0 = Collections(status), alloc0 = status->AllocatedBytes, missed0 = status->MissedBlocks, timingDrops0 = channel.Timings.Dropped;
        using var baseline = options.Baseline ? StartBaseline(status->SchedPriority > 0 ? status->SchedPriority : 80) : null;
        var clock = Stopwatch.StartNew();
        long nextNotes = 0;
        while (clock.Elapsed.TotalSeconds < options.Seconds && !cancel.IsCancellationRequested)
        {
            if (clock.ElapsedMilliseconds >= nextNotes) { PlayChord(channel, (int)(nextNotes / 1000)); nextNotes += 1000; }
            if (sink.Wakes.NeedsAnchor) TryAnchor(status, sink.Wakes);
            Drain(channel, sink, measure: true);
            while (channel.Events.TryRead(out _)) { }
            Thread.Sleep(10);
        }
        Drain(channel, sink, measure: true);
        WaitTelemetry(status);
        var baselineReport = cancel.IsCancellationRequested ? null : baseline?.Finish(TimeSpan.FromSeconds(60)); // cancelled: it is killed on dispose
        var result = new EngineBenchmarkResult(
            sink.Block.Count, status->MissedBlocks - missed0, Percentiles.Of(sink.Block), Percentiles.Of(sink.Overhead), Percentiles.Of(sink.Late),
            Collections(status) - gc0, status->AllocatedBytes - alloc0, (status->Flags & EngineFlags.Realtime) != 0,
            options.Slots, options.Churn != null, channel.Timings.Dropped - timingDrops0, supervisor.Restarts)
        {
            MemoryLocked = (status->Flags & EngineFlags.MemoryLocked) != 0,
            Baseline = baselineReport,
            Misses = baselineReport != null ? MissCoincidence.Match(sink.Misses, baselineReport.Stalls, PeriodNanos) : sink.Misses.Select(m => new MissMatch(m, null)).ToArray(),
            UntimedMisses = sink.UntimedMisses,
            WakeAnchorDisagreements = sink.Wakes.Disagreements,
        };
        if (churn is { HasExited: false }) { churn.Kill(); churn.WaitForExit(); }
        supervisor.Stop();
        return result;
    }

    private BaselineProcess? StartBaseline(int priority)
    {
        try { return BaselineProcess.Start(options.Seconds, priority, options.BaselineStallMicroseconds); }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning("bench: running without a baseline: {Reason}", e.Message);
            return null;
        }
    }

    private static long Collections(StatusBlock* s) => s->Gen0Collections + s->Gen1Collections + s->Gen2Collections;

    private static void WaitTelemetry(StatusBlock* status)
    {
        long seen = Volatile.Read(ref status->TelemetrySamples);
        var sw = Stopwatch.StartNew();
        while (Volatile.Read(ref status->TelemetrySamples) < seen + 2 && sw.Elapsed.TotalSeconds < 5) Thread.Sleep(5);
    }

    /// <summary>A held chord per slot, changing every second, so every synth renders voices all the time.</summary>
    private void PlayChord(ControlChannel channel, int second)
    {
        for (int slot = 0; slot < options.Slots; slot++)
            for (int v = 0; v < 4; v++)
            {
                int note = 48 + (second + slot * 3 + v * 4) % 36, old = 48 + (second - 1 + slot * 3 + v * 4 + 36) % 36;
                if (second > 0) channel.Commands.TryWrite(EngineCommand.MidiToSlot(slot, ScenarioControls.Packet(0, 0x80, old, 0)));
                channel.Commands.TryWrite(EngineCommand.MidiToSlot(slot, ScenarioControls.Packet(0, 0x90, note, 90)));
            }
    }

    private static void Drain(ControlChannel channel, TimingSink sink, bool measure)
    {
        while (channel.Timings.TryRead(out var t))
        {
            long? wake = sink.Wakes.Observe(t.Block, t.LateNs); // every record, warm-up too, so the chain has no gap
            if ((t.Flags & 2) != 0 || !measure) continue; // warm-up blocks are not measured
            sink.Block.Add(t.BlockNs);
            sink.Overhead.Add(Math.Max(0, t.BlockNs - t.PluginNs));
            sink.Late.Add(t.LateNs);
            if (t.LateNs <= PeriodNanos) continue;
            if (wake is { } w) sink.Misses.Add(new EngineMiss(t.Block, w, t.LateNs));
            else sink.UntimedMisses++;
        }
    }

    /// <summary>
    /// Reads the last published block's wake time. The engine writes LastBlockNanos, then the timing record, then
    /// the heartbeat; a pair that stays the same across ~100 µs cannot be torn (the heartbeat would have moved).
    /// </summary>
    private static void TryAnchor(StatusBlock* status, BlockWakeTracker wakes)
    {
        long h1 = Volatile.Read(ref status->Heartbeat), t1 = Volatile.Read(ref status->LastBlockNanos);
        var spin = Stopwatch.StartNew();
        while (spin.Elapsed.TotalMicroseconds < 100) Thread.SpinWait(10);
        long t2 = Volatile.Read(ref status->LastBlockNanos), h2 = Volatile.Read(ref status->Heartbeat);
        if (h1 == h2 && t1 == t2 && h1 > 0) wakes.Anchor(h1 - 1, t1);
    }

    private static readonly long PeriodNanos = (long)(MoveEverything.Hardware.MailboxLayout.BlockMicroseconds * 1000);

    /// <summary>What the drain collects over the measured window.</summary>
    private sealed class TimingSink
    {
        public readonly List<int> Block = new(1 << 20), Overhead = new(1 << 20), Late = new(1 << 20);
        public readonly List<EngineMiss> Misses = [];
        public readonly BlockWakeTracker Wakes = new(PeriodNanos);
        public long UntimedMisses;
    }
}

public sealed record EngineBenchmarkOptions(double Seconds, int Slots, ProcessStartInfo? Churn, string SynthPath)
{
    /// <summary>Engine <c>--isolate</c> value ("all", "untrusted", "none"); null = the engine's default (none).</summary>
    public string? Isolate { get; init; }

    /// <summary>Run the baseline process beside the engine. Default true.</summary>
    public bool Baseline { get; init; } = true;

    /// <summary>A baseline wake at least this late counts as a machine stall, in µs. Default 500 (the baseline's p99 is ~100 µs here).</summary>
    public int BaselineStallMicroseconds { get; init; } = 500;

    /// <summary>The native polyphonic synth built from native/ next to the engine, else the managed built-in synth.</summary>
    public static string DefaultSynthPath()
    {
        string native = Path.Combine(AppContext.BaseDirectory, "native", "mev_synth.so");
        return File.Exists(native) ? native : ChainLoad.BuiltinSynthPath;
    }
}

public sealed record EngineBenchmarkResult(long Blocks, long MissedBlocks, Percentiles BlockNs, Percentiles OverheadNs, Percentiles LateNs,
    long GcCollections, long AllocatedBytes, bool Realtime, int Slots, bool Churn, long TimingsDropped, int Restarts)
{
    /// <summary>The engine got mlockall.</summary>
    public bool MemoryLocked { get; init; }

    /// <summary>The baseline's figures over the same window; null when it did not run.</summary>
    public BaselineReport? Baseline { get; init; }

    /// <summary>Every engine miss whose wake time is known, each with the nearest baseline stall within one block.</summary>
    public IReadOnlyList<MissMatch> Misses { get; init; } = [];

    /// <summary>Misses whose wake time could not be recovered (a gap in the timing records).</summary>
    public long UntimedMisses { get; init; }

    /// <summary>Status-block anchors that disagreed with the recovered wake times (a check; should be 0).</summary>
    public long WakeAnchorDisagreements { get; init; }

    /// <summary>Engine misses that coincide with a baseline stall (the machine's, not ours).</summary>
    public int CoincidentMisses => Misses.Count(m => m.Coincident);
}

/// <summary>p50 / p99 / max of a sample, in the sample's unit.</summary>
public sealed record Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(List<int> values)
    {
        if (values.Count == 0) return new(0, 0, 0);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new(At(0.50), At(0.99), sorted[^1]);
    }

    public Percentiles Scaled(double factor) => new(Math.Round(P50 * factor, 1), Math.Round(P99 * factor, 1), Math.Round(Max * factor, 1));
}
