using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using MoveEverything.Engine.Isolation;
using MoveEverything.Ipc;
using MoveEverything.Simulator.Headless;
using MoveEverything.Supervisor;
using Spectre.Console;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev bench recovery [--runs N] [--blocks B] [--json]` (issue 4 item 9): detection and recovery time per fault kind
/// (crash, hang) and mode (in-process: the supervisor restarts the engine; isolated: the watchdog restarts the
/// worker), and the isolated round trip per block next to a raw futex ping-pong between two processes (the floor).
/// In every case full-scale noise plays in slot 1 and the faulty module sits in slot 2.
/// </summary>
public static class BenchRecoveryCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Faults measured per kind and mode", DefaultValueFactory = _ => 5 };
        var blocks = new Option<int>("--blocks") { Description = "Blocks of isolated playing for the round trip", DefaultValueFactory = _ => 3000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("recovery", "Measure fault detection and recovery, in-process and isolated") { runs, blocks, json };
        command.SetAction(parse =>
        {
            int n = parse.GetValue(runs), b = parse.GetValue(blocks);
            if (n < 1 || b < 100) { Console.Error.WriteLine("mev bench recovery: --runs ≥ 1 and --blocks ≥ 100"); return 2; }
            string native = Path.Combine(AppContext.BaseDirectory, "native");
            string noise = Path.Combine(native, "mev_noise.so"), synth = Path.Combine(native, "mev_synth.so");
            string Faulty(string name) => Path.Combine(native, "faulty", name + ".so");
            if (!File.Exists(noise) || !File.Exists(Faulty("crash_render"))) { Console.Error.WriteLine($"mev bench recovery: native plugins missing in {native}"); return 3; }

            var floor = Micro(FutexPingPong.Measure(Math.Max(b, 1000)));
            var bench = new IsolationBenchmark(noise);
            var roundTrip = bench.MeasureRoundTrip(synth, b);
            var rows = new List<Row>();
            foreach (var (kind, fault) in new[] { ("crash", "crash_render"), ("hang", "hang_render") })
            {
                var isolated = bench.MeasureFaults(Faulty(fault), n);
                rows.Add(new Row(kind, "isolated", isolated.Faults, Stats(isolated.BlameMilliseconds), Stats([0.0]),
                    Stats(isolated.RestartMilliseconds), isolated.VictimSilentBlocks, isolated.Example));
                rows.Add(InProcess(kind, noise, Faulty(fault), n));
            }
            var rt = Micro(roundTrip.RoundTripsMicroseconds);
            if (parse.GetValue(json)) { PrintJson(rows, rt, floor, roundTrip); return 0; }
            PrintTables(rows, rt, floor, roundTrip);
            return 0;
        });
        return command;
    }

    private sealed record Row(string Fault, string Mode, int Faults, Percentiles BlameMs, Percentiles OthersResumeMs,
        Percentiles FaultySlotBackMs, long OtherSlotSilentBlocks, string Example);

    /// <summary>One engine per run: the faulty module kills or hangs it; the supervisor blames it and restarts without it.</summary>
    private static Row InProcess(string kind, string noise, string faulty, int runs)
    {
        var blame = new List<double>();
        var resume = new List<double>();
        string example = "";
        for (int r = 0; r < runs; r++)
        {
            var launch = new EngineLaunch
            {
                ChannelPath = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-bench-recovery-{Environment.ProcessId}-{Guid.NewGuid():N}.ctl"),
                Transport = "free-running", Realtime = true, Demo = false, Isolate = "none", // the in-process row, whatever the engine default
                Loads = [new ChainLoad(0, SlotStatus.GeneratorPosition, noise), new ChainLoad(1, SlotStatus.GeneratorPosition, faulty)],
            };
            using var supervisor = new EngineSupervisor(launch, null, NullLogger.Instance, new BlameListCrashSink());
            long faultTicks = 0, diedTicks = 0;
            unsafe
            {
                supervisor.EngineDied += f =>
                {
                    diedTicks = Stopwatch.GetTimestamp();
                    faultTicks = supervisor.Channel.BlockPedal->InCall == 1 ? supervisor.Channel.BlockPedal->EnteredTimestamp : diedTicks;
                    supervisor.Channel.Status->SlotTable[0].Peak = 0;
                    example = f.Describe();
                };
                supervisor.Start();
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(60))
                {
                    if (Volatile.Read(ref diedTicks) != 0 && supervisor.Restarts > 0 && supervisor.Channel.Status->Heartbeat > 0
                        && supervisor.Channel.Status->SlotTable[0].Peak > 0) break;
                    Thread.Sleep(1);
                }
            }
            long resumed = Stopwatch.GetTimestamp();
            if (diedTicks == 0) continue;
            blame.Add(Ms(diedTicks - faultTicks));
            resume.Add(Ms(resumed - faultTicks));
            supervisor.Stop();
        }
        return new Row(kind, "in-process", blame.Count, Stats(blame), Stats(resume), Stats([]), -1, example);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    private static Percentiles Stats(IReadOnlyCollection<double> values) => Micro(values.ToArray(), 0.01);

    private static Percentiles Micro(double[] values, double resolution = 0.1)
    {
        if (values.Length == 0) return new(0, 0, 0);
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
        double Round(double v) => Math.Round(v / resolution) * resolution;
        return new(Round(At(0.5)), Round(At(0.99)), Round(sorted[^1]));
    }

    private static Dictionary<string, double> J(Percentiles p) => new() { ["p50"] = Math.Round(p.P50, 2), ["p99"] = Math.Round(p.P99, 2), ["max"] = Math.Round(p.Max, 2) };

    private static void PrintJson(List<Row> rows, Percentiles rt, Percentiles floor, RoundTripFigures figures) =>
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["block_us"] = 2902.5,
            ["isolated_added_latency_us"] = 2902.5,
            ["isolated_round_trip_us"] = J(rt),
            ["futex_ping_pong_us"] = J(floor),
            ["isolated_block_thread_cost_us"] = new Dictionary<string, double> { ["avg"] = Math.Round(figures.ProxyAverageMicroseconds, 2), ["p99"] = Math.Round(figures.ProxyP99Microseconds, 2), ["max"] = Math.Round(figures.ProxyMaxMicroseconds, 2) },
            ["isolated_answered_blocks"] = figures.Answered, ["isolated_late_blocks"] = figures.Late,
            ["faults"] = rows.Select(r => new Dictionary<string, object>
            {
                ["fault"] = r.Fault, ["mode"] = r.Mode, ["count"] = r.Faults, ["blame_ms"] = J(r.BlameMs),
                ["other_slots_resume_ms"] = J(r.OthersResumeMs), ["faulty_slot_back_ms"] = J(r.FaultySlotBackMs),
                ["other_slot_silent_blocks"] = r.OtherSlotSilentBlocks, ["example"] = r.Example,
            }).ToArray(),
        }));

    private static void PrintTables(List<Row> rows, Percentiles rt, Percentiles floor, RoundTripFigures figures)
    {
        static string P(Percentiles p) => $"{p.P50:0.##} / {p.P99:0.##} / {p.Max:0.##}";
        var faults = new Table().AddColumns("fault", "mode", "n", "blamed after (ms)", "other slots resume (ms)", "faulty slot back (ms)", "other slot silent blocks");
        foreach (var r in rows)
            faults.AddRow(r.Fault, r.Mode, r.Faults.ToString(), P(r.BlameMs), P(r.OthersResumeMs), r.Mode == "isolated" ? P(r.FaultySlotBackMs) : "disabled (not restored)",
                r.OtherSlotSilentBlocks < 0 ? "engine restart" : r.OtherSlotSilentBlocks.ToString());
        AnsiConsole.MarkupLine("[bold]Detection and recovery[/] (p50 / p99 / max; from the faulting call's entry)");
        AnsiConsole.Write(faults);
        var costs = new Table().AddColumns("per block (µs)", "p50 / p99 / max");
        costs.AddRow("isolated round trip (publish → answer)", P(rt));
        costs.AddRow("raw futex ping-pong, two processes (floor)", P(floor));
        costs.AddRow("block thread cost per isolated plugin (avg / p99 / max)", $"{figures.ProxyAverageMicroseconds:0.##} / {figures.ProxyP99Microseconds:0.##} / {figures.ProxyMaxMicroseconds:0.##}");
        AnsiConsole.Write(costs);
        AnsiConsole.MarkupLine($"added latency in isolated mode: one block = 2902 µs; {figures.Answered} answers, {figures.Late} late, victim silent blocks {figures.VictimSilentBlocks}");
    }
}
