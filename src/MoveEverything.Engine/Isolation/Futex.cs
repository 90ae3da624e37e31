using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// The Linux futex on a 32-bit word in shared memory (not FUTEX_PRIVATE: the waker and the sleeper are different
/// processes). <see cref="Wake"/> is one system call and never blocks, so the block thread may call it;
/// <see cref="Wait"/> sleeps only while the word still holds the expected value.
/// </summary>
public static unsafe partial class Futex
{
    private const int FutexWait = 0, FutexWake = 1;
    private static readonly long SysFutex = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 202,
        Architecture.Arm64 => 98,
        Architecture.Arm => 240,
        _ => 202,
    };

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Seconds; public long Nanoseconds; }

    [LibraryImport("libc", EntryPoint = "syscall")]
    private static partial long Syscall(long number, int* address, int operation, int value, Timespec* timeout, int* address2, int value3);

    /// <summary>Sleeps while <c>*word == expected</c>, at most <paramref name="timeoutMs"/> ms (or until woken).</summary>
    public static void Wait(int* word, int expected, int timeoutMs)
    {
        var timeout = new Timespec { Seconds = timeoutMs / 1000, Nanoseconds = (timeoutMs % 1000) * 1_000_000L };
        Syscall(SysFutex, word, FutexWait, expected, &timeout, null, 0);
    }

    /// <summary>Wakes up to <paramref name="count"/> sleepers on <paramref name="word"/>. Never blocks, never allocates.</summary>
    public static void Wake(int* word, int count = 1) => Syscall(SysFutex, word, FutexWake, count, null, null, 0);
}
