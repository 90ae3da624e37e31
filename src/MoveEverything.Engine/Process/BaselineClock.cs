using System.Globalization;
using System.Runtime.InteropServices;
using MoveEverything.Hardware;

namespace MoveEverything.Engine.Process;

/// <summary>
/// <c>MoveEverything.Engine baseline --seconds S [--priority P] [--stall-us U]</c>: the floor the engine's block
/// timing is judged against. One thread per CPU this process may use, each pinned to its CPU, SCHED_FIFO at the
/// engine's priority, memory locked, doing nothing but sleep to an absolute CLOCK_MONOTONIC deadline every
/// 2902 µs (the engine's period) and recording how late it woke. "Missed" means exactly what the engine's
/// <see cref="BlockLoop"/> means: woke more than one period after the deadline (then the deadline resyncs).
/// Why pinned, one per CPU: a vCPU the hypervisor deschedules stalls only the tasks on it, so a single floating
/// thread would see half of the VM's stalls; with one per CPU any stall shows up on some thread.
/// Why it is managed code in the engine executable: it inherits the engine's runtime settings; it allocates
/// nothing while measuring and nothing else in the process suspends it, so what it sees is the machine.
/// Output (stdout, one record per line, parsed by the bench's <c>BaselineReport</c>):
/// <c>ready START_NS THREADS</c> when measuring starts, then after S seconds <c>mlock ERRNO</c>,
/// <c>thread CPU BLOCKS MISSED FIFO_ERRNO PIN_ERRNO</c> per thread, <c>late P50_NS P99_NS MAX_NS</c> over all threads,
/// <c>stall CPU WAKE_NS LATE_NS</c> per wake at least U µs late (CLOCK_MONOTONIC, comparable with the engine's), <c>end</c>.
/// </summary>
public static unsafe partial class BaselineClock
{
    public const string Verb = "baseline";
    private const int WarmupBlocks = 200, MaxStallsPerThread = 65536, CpuSetBytes = 128;
    private static readonly long PeriodNanos = (long)(MailboxLayout.BlockMicroseconds * 1000);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nint size, byte* mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nint size, byte* mask);

    private sealed class Sampler(int cpu, int capacity)
    {
        public readonly int Cpu = cpu;
        public readonly int[] Late = new int[capacity];
        public readonly long[] StallWake = new long[MaxStallsPerThread];
        public readonly int[] StallLate = new int[MaxStallsPerThread];
        public int Count, Stalls, FifoError, PinError;
        public long Missed;
    }

    public static int Run(IReadOnlyList<string> args)
    {
        double seconds = 10; int priority = 80; long stallNs = 500_000;
        for (int i = 0; i + 1 < args.Count; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--priority": priority = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--stall-us": stallNs = long.Parse(v, CultureInfo.InvariantCulture) * 1000; break;
                default: Console.Error.WriteLine($"baseline: unknown option {args[i]}"); return 2;
            }
        }
        if (args.Count % 2 != 0 || seconds <= 0) { Console.Error.WriteLine("usage: baseline --seconds S [--priority P] [--stall-us U]"); return 2; }
        var cpus = AllowedCpus();
        int capacity = (int)(seconds * 1e9 / PeriodNanos) + 64;
        var samplers = cpus.Select(c => new Sampler(c, capacity)).ToArray(); // before mlockall, so the arrays are locked too
        int lockError = LinuxRealtime.TryLockMemory();
        long startNs = 0, endNs = 0;
        int ready = 0;
        var threads = samplers.Select(s => new Thread(() =>
        {
            s.PinError = Pin(s.Cpu) ?? 0;
            s.FifoError = LinuxRealtime.TrySetFifo(priority);
            long deadline = LinuxRealtime.NowNanos() + PeriodNanos;
            for (int w = 0; w < WarmupBlocks; w++) deadline = Tick(deadline, null, 0, 0);
            Interlocked.Increment(ref ready);
            while (Volatile.Read(ref startNs) == 0) deadline = Tick(deadline, null, 0, 0);
            while (LinuxRealtime.NowNanos() < Volatile.Read(ref endNs)) deadline = Tick(deadline, s, startNs, stallNs);
        }, 256 * 1024) { Name = $"baseline-cpu{s.Cpu}" }).ToArray();
        foreach (var t in threads) t.Start();
        while (Volatile.Read(ref ready) < threads.Length) Thread.Sleep(5);
        long start = LinuxRealtime.NowNanos() + 10_000_000;
        Volatile.Write(ref endNs, start + (long)(seconds * 1e9));
        Volatile.Write(ref startNs, start);
        Console.Out.WriteLine($"ready {start} {threads.Length}");
        Console.Out.Flush();
        foreach (var t in threads) t.Join();
        Report(samplers, lockError);
        return 0;
    }

    /// <summary>One period: sleep to the deadline, record the wake if measuring, return the next deadline.</summary>
    private static long Tick(long deadline, Sampler? s, long startNs, long stallNs)
    {
        LinuxRealtime.SleepUntil(deadline);
        long now = LinuxRealtime.NowNanos(), late = now - deadline;
        if (s != null && now >= startNs && s.Count < s.Late.Length)
        {
            s.Late[s.Count++] = (int)Math.Clamp(late, int.MinValue, int.MaxValue);
            if (late > PeriodNanos) s.Missed++;
            if (late >= stallNs && s.Stalls < MaxStallsPerThread)
            {
                s.StallWake[s.Stalls] = now;
                s.StallLate[s.Stalls++] = (int)Math.Min(late, int.MaxValue);
            }
        }
        if (late > PeriodNanos || late < -PeriodNanos) deadline = now; // resync after a miss, as the engine does
        return deadline + PeriodNanos;
    }

    private static void Report(Sampler[] samplers, int lockError)
    {
        var o = Console.Out;
        o.WriteLine($"mlock {lockError}");
        foreach (var s in samplers) o.WriteLine($"thread {s.Cpu} {s.Count} {s.Missed} {s.FifoError} {s.PinError}");
        var all = samplers.SelectMany(s => s.Late.Take(s.Count)).ToArray();
        Array.Sort(all);
        long At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, Math.Max(0, (int)Math.Ceiling(q * all.Length) - 1))];
        o.WriteLine($"late {At(0.50)} {At(0.99)} {(all.Length == 0 ? 0 : all[^1])}");
        foreach (var s in samplers)
            for (int i = 0; i < s.Stalls; i++) o.WriteLine($"stall {s.Cpu} {s.StallWake[i]} {s.StallLate[i]}");
        o.WriteLine("end");
        o.Flush();
    }

    /// <summary>CPUs in this process's affinity mask (all of them when the mask cannot be read).</summary>
    private static int[] AllowedCpus()
    {
        byte* mask = stackalloc byte[CpuSetBytes];
        if (sched_getaffinity(0, CpuSetBytes, mask) != 0) return Enumerable.Range(0, Environment.ProcessorCount).ToArray();
        var cpus = new List<int>();
        for (int c = 0; c < CpuSetBytes * 8; c++) if ((mask[c / 8] & (1 << (c % 8))) != 0) cpus.Add(c);
        return cpus.ToArray();
    }

    /// <summary>Pins the calling thread to one CPU; null on success, else the errno.</summary>
    private static int? Pin(int cpu)
    {
        byte* mask = stackalloc byte[CpuSetBytes];
        new Span<byte>(mask, CpuSetBytes).Clear();
        mask[cpu / 8] = (byte)(1 << (cpu % 8));
        return sched_setaffinity(0, CpuSetBytes, mask) == 0 ? null : Marshal.GetLastPInvokeError();
    }
}
