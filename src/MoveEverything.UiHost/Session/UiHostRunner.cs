using System.Diagnostics;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// Runs <see cref="UiHostLoop.Tick"/> at <see cref="UiHostOptions.TickHz"/> on a dedicated thread with a large
/// stack (<see cref="UiHostOptions.ScriptThreadStackBytes"/>, so Jint's recursion limit trips before the
/// thread's stack does). Ticks are scheduled on absolute times; a late tick is not made up (no bursts).
/// </summary>
public sealed class UiHostRunner(UiHostLoop loop, UiHostOptions options)
{
    private readonly List<double> _tickMicros = [];

    /// <summary>Work time of each tick in µs (kept only for bounded runs, i.e. maxTicks &gt; 0).</summary>
    public IReadOnlyList<double> TickMicros => _tickMicros;

    /// <summary>Median and 99th percentile of <see cref="TickMicros"/> (NaN when none).</summary>
    public (double P50, double P99) TickPercentiles()
    {
        if (_tickMicros.Count == 0) return (double.NaN, double.NaN);
        var sorted = _tickMicros.Order().ToArray();
        return (sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))]);
    }

    /// <summary>Runs until <paramref name="stop"/> is cancelled or <paramref name="maxTicks"/> ticks (0 = no limit) have run.</summary>
    public void Run(CancellationToken stop, long maxTicks = 0)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { Loop(stop, maxTicks); }
            catch (Exception ex) { failure = ex; }
        }, options.ScriptThreadStackBytes) { Name = "mev-ui-loop" };
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("UI loop failed", failure);
    }

    private void Loop(CancellationToken stop, long maxTicks)
    {
        var interval = options.TickInterval;
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        for (long n = 0; !stop.IsCancellationRequested && (maxTicks == 0 || n < maxTicks); n++)
        {
            var started = clock.Elapsed;
            loop.Tick();
            if (maxTicks > 0) _tickMicros.Add((clock.Elapsed - started).TotalMicroseconds);
            next += interval;
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero) stop.WaitHandle.WaitOne(wait);
            else next = clock.Elapsed; // late: skip ahead rather than burst
        }
    }
}
