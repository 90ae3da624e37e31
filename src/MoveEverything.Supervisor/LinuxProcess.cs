using System.Runtime.InteropServices;

namespace MoveEverything.Supervisor;

/// <summary>The few Linux calls the watchdog needs beyond System.Diagnostics.Process.</summary>
internal static unsafe partial class LinuxProcess
{
    private const int SchedFifo = 1;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setscheduler(int pid, int policy, int* param);

    /// <summary>Switches the calling thread to SCHED_FIFO; returns 0 or the errno.</summary>
    public static int TrySetFifo(int priority)
    {
        int param = priority;
        return sched_setscheduler(0, SchedFifo, &param) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>
    /// The wait status of a child that has finished dying (a zombie: its memory and files are released) and not yet
    /// been reaped, from /proc/PID/stat field 52; null while it still runs or once it is reaped. Lets the watchdog
    /// continue as soon as the kernel is done, without waiting for the runtime's SIGCHLD thread to reap it.
    /// </summary>
    public static int? ZombieWaitStatus(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        int close = stat.LastIndexOf(')');
        if (close < 0) return null;
        var fields = stat[(close + 2)..].Split(' '); // fields[0] is field 3 (state)
        if (fields.Length < 50 || fields[0] != "Z") return null;
        return int.TryParse(fields[49], out int status) ? status : null;
    }
}
