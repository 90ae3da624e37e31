using System.Globalization;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// What the engine executable's <c>baseline</c> mode measured (see <c>BaselineClock</c> in the engine for the
/// line format): a bare absolute-deadline sleep loop per CPU at the engine's period and priority.
/// <see cref="Missed"/> counts wakes more than one period late, the engine's definition of a missed block;
/// <see cref="Stalls"/> lists every wake at least the stall threshold late, with its CLOCK_MONOTONIC time.
/// </summary>
public sealed record BaselineReport(long StartNanos, long Blocks, long Missed, Percentiles LateNs,
    IReadOnlyList<BaselineThread> Threads, IReadOnlyList<BaselineStall> Stalls, int MemoryLockErrno)
{
    /// <summary>True when every thread got SCHED_FIFO (otherwise the baseline is not comparable).</summary>
    public bool Realtime => Threads.Count > 0 && Threads.All(t => t.FifoErrno == 0);

    /// <summary>Parses the baseline's stdout; a typed <see cref="FormatException"/> names the bad line.</summary>
    public static BaselineReport Parse(TextReader output)
    {
        long start = 0; int mlock = -1;
        Percentiles? late = null;
        var threads = new List<BaselineThread>();
        var stalls = new List<BaselineStall>();
        bool ended = false;
        for (string? line = output.ReadLine(); line != null && !ended; line = output.ReadLine())
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 0) continue;
            try
            {
                switch (f[0])
                {
                    case "ready": start = L(f[1]); break;
                    case "mlock": mlock = (int)L(f[1]); break;
                    case "thread": threads.Add(new BaselineThread((int)L(f[1]), L(f[2]), L(f[3]), (int)L(f[4]), f.Length > 5 ? (int)L(f[5]) : 0)); break;
                    case "late": late = new Percentiles(L(f[1]), L(f[2]), L(f[3])); break;
                    case "stall": stalls.Add(new BaselineStall((int)L(f[1]), L(f[2]), L(f[3]))); break;
                    case "end": ended = true; break;
                    default: throw new FormatException($"unknown record '{f[0]}'");
                }
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new FormatException($"baseline output: bad line '{line}': {e.Message}", e);
            }
        }
        if (!ended || late == null) throw new FormatException("baseline output ended before its 'end' record");
        stalls.Sort((a, b) => a.WakeNanos.CompareTo(b.WakeNanos));
        return new BaselineReport(start, threads.Sum(t => t.Blocks), threads.Sum(t => t.Missed), late, threads, stalls, mlock);
    }

    private static long L(string s) => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
