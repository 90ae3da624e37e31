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
        var blockNs = new List<int>(1 << 20);
        var overheadNs = new List<int>(1 << 20);
        var lateNs = new List<int>(1 << 20);
        // Warm-up: wait for the engine's steady state, then take the GC baseline from a fresh telemetry sample.
        while ((status->Flags & EngineFlags.SteadyState) == 0 && !cancel.IsCancellationRequested) { Drain(channel, null, null, null); Thread.Sleep(10); }
        WaitTelemetry(status);
        long gc0 = Collections(status), alloc0 = status->AllocatedBytes, missed0 = status->MissedBlocks, timingDrops0 = channel.Timings.Dropped;
        var clock = Stopwatch.StartNew();
        long nextNotes = 0;
        while (clock.Elapsed.TotalSeconds < options.Seconds && !cancel.IsCancellationRequested)
        {
            if (clock.ElapsedMilliseconds >= nextNotes) { PlayChord(channel, (int)(nextNotes / 1000)); nextNotes += 1000; }
            Drain(channel, blockNs, overheadNs, lateNs);
            while (channel.Events.TryRead(out _)) { }
            Thread.Sleep(10);
        }
        Drain(channel, blockNs, overheadNs, lateNs);
        WaitTelemetry(status);
        var result = new EngineBenchmarkResult(
            blockNs.Count, status->MissedBlocks - missed0, Percentiles.Of(blockNs), Percentiles.Of(overheadNs), Percentiles.Of(lateNs),
            Collections(status) - gc0, status->AllocatedBytes - alloc0, (status->Flags & EngineFlags.Realtime) != 0,
            options.Slots, options.Churn != null, channel.Timings.Dropped - timingDrops0, supervisor.Restarts);
        if (churn is { HasExited: false }) { churn.Kill(); churn.WaitForExit(); }
        supervisor.Stop();
        return result;
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

    private static void Drain(ControlChannel channel, List<int>? block, List<int>? overhead, List<int>? late)
    {
        while (channel.Timings.TryRead(out var t))
        {
            if ((t.Flags & 2) != 0 || block == null) continue; // warm-up blocks are not measured
            block.Add(t.BlockNs);
            overhead!.Add(Math.Max(0, t.BlockNs - t.PluginNs));
            late!.Add(t.LateNs);
        }
    }
}

public sealed record EngineBenchmarkOptions(double Seconds, int Slots, ProcessStartInfo? Churn, string SynthPath)
{
    /// <summary>Engine <c>--isolate</c> value ("all", "untrusted", "none"); null = the engine's default (none).</summary>
    public string? Isolate { get; init; }

    /// <summary>The native polyphonic synth built from native/ next to the engine, else the managed built-in synth.</summary>
    public static string DefaultSynthPath()
    {
        string native = Path.Combine(AppContext.BaseDirectory, "native", "mev_synth.so");
        return File.Exists(native) ? native : ChainLoad.BuiltinSynthPath;
    }
}

public sealed record EngineBenchmarkResult(long Blocks, long MissedBlocks, Percentiles BlockNs, Percentiles OverheadNs, Percentiles LateNs,
    long GcCollections, long AllocatedBytes, bool Realtime, int Slots, bool Churn, long TimingsDropped, int Restarts);

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
