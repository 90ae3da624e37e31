using MoveEverything.Simulator.Headless;

namespace MoveEverything.Cli.Commands;

/// <summary>The baseline and miss-coincidence part of `mev bench engine --json`.</summary>
internal static class BenchBaselineJson
{
    /// <summary>Misses listed in the JSON at most (the count is always complete).</summary>
    private const int MaxListedMisses = 100;

    public static Dictionary<string, object> Baseline(BaselineReport b)
    {
        var late = b.LateNs.Scaled(1e-3);
        return new Dictionary<string, object>
        {
            ["blocks"] = b.Blocks, ["missed"] = b.Missed, ["realtime"] = b.Realtime, ["memory_locked"] = b.MemoryLockErrno == 0,
            ["threads"] = b.Threads.Select(t => new Dictionary<string, object> { ["cpu"] = t.Cpu, ["blocks"] = t.Blocks, ["missed"] = t.Missed }).ToArray(),
            ["lateness_us"] = new Dictionary<string, double> { ["p50"] = late.P50, ["p99"] = late.P99, ["max"] = late.Max },
            ["stalls"] = b.Stalls.Count,
        };
    }

    /// <summary>Each timed engine miss: seconds into the run, lateness, and the coinciding baseline stall (null if none).</summary>
    public static object[] Misses(EngineBenchmarkResult r)
    {
        long origin = r.Baseline?.StartNanos ?? (r.Misses.Count > 0 ? r.Misses[0].Miss.WakeNanos : 0);
        return r.Misses.Take(MaxListedMisses).Select(m => (object)new Dictionary<string, object?>
        {
            ["block"] = m.Miss.Block,
            ["at_s"] = Math.Round((m.Miss.WakeNanos - origin) / 1e9, 4),
            ["late_us"] = Math.Round(m.Miss.LateNanos / 1e3, 1),
            ["baseline_stall"] = m.Stall == null ? null : new Dictionary<string, object>
            {
                ["cpu"] = m.Stall.Cpu, ["late_us"] = Math.Round(m.Stall.LateNanos / 1e3, 1), ["offset_us"] = Math.Round((m.Stall.WakeNanos - m.Miss.WakeNanos) / 1e3, 1),
            },
        }).ToArray();
    }
}
