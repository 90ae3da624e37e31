using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoveEverything.Simulator.Headless;
using Spectre.Console;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev bench engine --seconds S [--slots 4] [--churn] [--json]`: block time, engine overhead (excluding plugin
/// time), missed blocks and the engine process's GC figures after warm-up. --churn runs `mev bench churn` beside it.
/// A baseline process (a bare sleep loop per CPU at the engine's period and priority) runs beside the engine unless
/// --no-baseline; `coincident_misses` counts the engine misses that fell on a baseline stall (the machine's, not ours).
/// </summary>
public static class BenchEngineCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Measured run length", DefaultValueFactory = _ => 10 };
        var slots = new Option<int>("--slots") { Description = "Synth slots playing (1–4)", DefaultValueFactory = _ => 4 };
        var churn = new Option<bool>("--churn") { Description = "Run a second process that allocates heavily" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var builtin = new Option<bool>("--builtin-synth") { Description = "Use the managed built-in synth instead of the native mev_synth.so" };
        var isolate = new Option<string?>("--isolate") { Description = "Native modules in DSP worker processes: all, untrusted or none (default: the engine's, untrusted; the bench loads its synths trusted, so they run in-process)" };
        isolate.AcceptOnlyFromAmong([.. MoveEverything.Ipc.EngineLaunch.IsolateValues]);
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Do not run the baseline sleep loop beside the engine" };
        var command = new Command("engine", "Measure the engine's block timing and allocations") { seconds, slots, churn, json, builtin, isolate, noBaseline };
        command.SetAction(parse =>
        {
            int slotCount = parse.GetValue(slots);
            if (slotCount is < 1 or > 4 || parse.GetValue(seconds) <= 0) { Console.Error.WriteLine("mev bench engine: --slots 1–4 and a positive --seconds"); return 2; }
            ProcessStartInfo? churnInfo = null;
            if (parse.GetValue(churn))
            {
                churnInfo = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
                foreach (var a in new[] { "bench", "churn", "--seconds", (parse.GetValue(seconds) + 30).ToString() }) churnInfo.ArgumentList.Add(a);
            }
            using var logs = LoggerFactory.Create(b => b.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
            var synth = parse.GetValue(builtin) ? MoveEverything.Ipc.ChainLoad.BuiltinSynthPath : EngineBenchmarkOptions.DefaultSynthPath();
            var r = new EngineBenchmark(new EngineBenchmarkOptions(parse.GetValue(seconds), slotCount, churnInfo, synth) { Isolate = parse.GetValue(isolate), Baseline = !parse.GetValue(noBaseline) }, logs.CreateLogger("bench")).Run();
            var us = 1e-3;
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["blocks"] = r.Blocks, ["missed_blocks"] = r.MissedBlocks,
                    ["block_us"] = Json(r.BlockNs.Scaled(us)), ["overhead_us"] = Json(r.OverheadNs.Scaled(us)), ["late_us"] = Json(r.LateNs.Scaled(us)),
                    ["gc_collections"] = r.GcCollections, ["allocated_bytes"] = r.AllocatedBytes,
                    ["realtime"] = r.Realtime, ["slots"] = r.Slots, ["synth"] = System.IO.Path.GetFileName(synth), ["churn"] = r.Churn, ["timings_dropped"] = r.TimingsDropped, ["restarts"] = r.Restarts,
                    ["memory_locked"] = r.MemoryLocked,
                    ["baseline"] = r.Baseline == null ? null! : BenchBaselineJson.Baseline(r.Baseline),
                    ["coincident_misses"] = r.Baseline == null ? null! : r.CoincidentMisses,
                    ["engine_misses"] = BenchBaselineJson.Misses(r),
                }));
                return 0;
            }
            var table = new Table().AddColumns("figure", "p50", "p99", "max");
            table.AddRow("block work (µs)", F(r.BlockNs.Scaled(us).P50), F(r.BlockNs.Scaled(us).P99), F(r.BlockNs.Scaled(us).Max));
            table.AddRow("engine overhead (µs)", F(r.OverheadNs.Scaled(us).P50), F(r.OverheadNs.Scaled(us).P99), F(r.OverheadNs.Scaled(us).Max));
            table.AddRow("exchange lateness (µs)", F(r.LateNs.Scaled(us).P50), F(r.LateNs.Scaled(us).P99), F(r.LateNs.Scaled(us).Max));
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"{r.Blocks} blocks, [bold]{r.MissedBlocks}[/] missed, {r.GcCollections} GCs and {r.AllocatedBytes} bytes allocated after warm-up; realtime: {r.Realtime}; memory locked: {r.MemoryLocked}; churn: {r.Churn}");
            if (r.Baseline is { } b)
            {
                var bl = b.LateNs.Scaled(us);
                AnsiConsole.MarkupLine($"baseline ({b.Threads.Count} pinned threads, realtime: {b.Realtime}): {b.Blocks} wakes, [bold]{b.Missed}[/] missed, lateness p50 {F(bl.P50)} / p99 {F(bl.P99)} / max {F(bl.Max)} µs, {b.Stalls.Count} stalls");
                AnsiConsole.MarkupLine($"engine misses on a baseline stall (the machine's): [bold]{r.CoincidentMisses}[/] of {r.Misses.Count} timed ({r.UntimedMisses} untimed)");
            }
            return 0;
        });
        return command;
    }

    private static Dictionary<string, double> Json(Percentiles p) => new() { ["p50"] = p.P50, ["p99"] = p.P99, ["max"] = p.Max };
    private static string F(double v) => v.ToString("0.0");
}
