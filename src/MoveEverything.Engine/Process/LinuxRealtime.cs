using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Process;

/// <summary>The few libc calls the block thread needs: realtime scheduling, memory locking, absolute sleeps.</summary>
internal static unsafe partial class LinuxRealtime
{
    private const int SchedFifo = 1, McCurrent = 1, McFuture = 2, ClockMonotonic = 1, TimerAbstime = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setscheduler(int pid, int policy, int* param);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mlockall(int flags);

    [LibraryImport("libc")]
    private static partial int clock_nanosleep(int clock, int flags, Timespec* request, Timespec* remain);

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, Timespec* time);

    [LibraryImport("libc")]
    internal static partial int getppid();

    [LibraryImport("libc")]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    /// <summary>
    /// Asks the kernel to SIGKILL this process when the thread that started it exits (PR_SET_PDEATHSIG): a DSP worker
    /// stuck inside plugin code never reaches its own parent check, so only the kernel can end it with the engine; the
    /// engine and standby bind to the supervisor the same way (<see cref="ParentDeath"/>).
    /// Returns 0 or −1.
    /// </summary>
    public static int DieWithParent() => prctl(1 /* PR_SET_PDEATHSIG */, 9 /* SIGKILL */, 0, 0, 0);

    /// <summary>Switches the calling thread to SCHED_FIFO; returns 0 or the errno.</summary>
    public static int TrySetFifo(int priority)
    {
        int param = priority;
        return sched_setscheduler(0, SchedFifo, &param) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Locks current and future pages; returns 0 or the errno.</summary>
    public static int TryLockMemory() => mlockall(McCurrent | McFuture) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>CLOCK_MONOTONIC in nanoseconds (the clock Stopwatch uses on Linux).</summary>
    public static long NowNanos()
    {
        Timespec t;
        clock_gettime(ClockMonotonic, &t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    /// <summary>Sleeps until the absolute CLOCK_MONOTONIC time; retries on EINTR.</summary>
    public static void SleepUntil(long nanos)
    {
        var t = new Timespec { Seconds = nanos / 1_000_000_000, Nanoseconds = nanos % 1_000_000_000 };
        while (clock_nanosleep(ClockMonotonic, TimerAbstime, &t, null) == 4 /* EINTR */) { }
    }
}
