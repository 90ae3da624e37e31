using System.Diagnostics;
using System.Globalization;
using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// Runs the engine executable in <c>baseline</c> mode beside a benchmark: <see cref="Start"/> returns once the
/// baseline measures (its "ready" line), <see cref="Finish"/> waits for its report. Measuring for the same
/// seconds as the bench, started just before the bench's own clock, the two windows cover the same time.
/// </summary>
public sealed class BaselineProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _rest;

    private BaselineProcess(Process process, Task<string> rest, long startNanos)
    {
        _process = process;
        _rest = rest;
        StartNanos = startNanos;
    }

    /// <summary>CLOCK_MONOTONIC time at which the baseline started measuring.</summary>
    public long StartNanos { get; }

    public static BaselineProcess Start(double seconds, int priority, int stallMicroseconds)
    {
        var info = EngineExecutable.StartInfo(["baseline", "--seconds", seconds.ToString(CultureInfo.InvariantCulture),
            "--priority", priority.ToString(CultureInfo.InvariantCulture), "--stall-us", stallMicroseconds.ToString(CultureInfo.InvariantCulture)]);
        info.RedirectStandardOutput = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException("the baseline process did not start");
        string? first = process.StandardOutput.ReadLine();
        var f = first?.Split(' ');
        if (f is not ["ready", _, _] || !long.TryParse(f[1], CultureInfo.InvariantCulture, out long start))
        {
            if (!process.HasExited) process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"the baseline process did not start measuring (said '{first}')");
        }
        return new BaselineProcess(process, process.StandardOutput.ReadToEndAsync(), start);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the report; kills the baseline and throws when it does not come.</summary>
    public BaselineReport Finish(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) { _process.Kill(); throw new TimeoutException("the baseline process did not finish"); }
        string text = _rest.GetAwaiter().GetResult();
        return BaselineReport.Parse(new StringReader($"ready {StartNanos} 0\n{text}"));
    }

    public void Dispose()
    {
        if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(); }
        _process.Dispose();
    }
}
