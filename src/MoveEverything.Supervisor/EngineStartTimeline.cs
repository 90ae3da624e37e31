using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// Where one engine start spent its time, as CLOCK_MONOTONIC timestamps (Stopwatch ticks; the engine reports
/// its own phases through log records). Zero means "not reached (yet)". For a warm standby "entered" is the
/// moment it read its activation line; for a cold start it is the engine's Main entry.
/// </summary>
public sealed record EngineStartTimeline
{
    public int Pid { get; init; }
    public bool FromStandby { get; init; }
    /// <summary>When the watchdog saw the previous engine dead (0 for the first start).</summary>
    public long DeathSeen { get; init; }
    public long LaunchRequested { get; init; }
    /// <summary>Process.Start returned, or the activation line was written to the standby.</summary>
    public long ProcessReady { get; init; }
    public long Entered { get; init; }
    public long ChannelOpen { get; init; }
    public long LoadsDone { get; init; }
    public long BlockThreadStarted { get; init; }
    public long RealtimeDone { get; init; }
    public long FirstBlockDone { get; init; }

    public bool Complete => FirstBlockDone != 0 && LoadsDone != 0 && Entered != 0;

    /// <summary>The phase names, in order, as <see cref="Phases"/> reports them.</summary>
    public static readonly IReadOnlyList<string> PhaseNames =
    [
        "death seen → launch", "spawn / activation write", "runtime start / activation read", "channel attach",
        "plugin loads", "threads start", "realtime set-up (mlockall, FIFO)", "first block",
    ];

    /// <summary>Milliseconds per phase in <see cref="PhaseNames"/> order; a phase with a missing end is NaN.</summary>
    public double[] Phases()
    {
        long[] points = [DeathSeen == 0 ? LaunchRequested : DeathSeen, LaunchRequested, ProcessReady, Entered, ChannelOpen, LoadsDone, BlockThreadStarted, RealtimeDone, FirstBlockDone];
        var ms = new double[points.Length - 1];
        for (int i = 0; i < ms.Length; i++)
            ms[i] = points[i] == 0 || points[i + 1] == 0 ? double.NaN : (points[i + 1] - points[i]) * 1000.0 / Stopwatch.Frequency;
        return ms;
    }
}
