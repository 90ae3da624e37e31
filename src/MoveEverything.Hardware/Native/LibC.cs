using System.Runtime.InteropServices;

namespace MoveEverything.Hardware.Native;

/// <summary>
/// The few libc calls the hardware boundary needs (Linux, LP64: x86-64 and aarch64 share these numbers).
/// Source-generated marshalling: no allocation per call except the UTF-8 path of <see cref="Open"/>.
/// </summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    public const int O_RDWR = 0x2, O_CLOEXEC = 0x80000;
    public const int PROT_READ = 0x1, PROT_WRITE = 0x2, MAP_SHARED = 0x1;
    public const int EINTR = 4, ENOTTY = 25;
    public const int CLOCK_MONOTONIC = 1, TIMER_ABSTIME = 1;
    public static readonly nint MapFailed = -1;

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport(Library, EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    /// <summary>ioctl(fd, request, arg); the variadic argument is one machine word on LP64 Linux.</summary>
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nint argument);

    /// <summary>Returns 0 or an errno value directly (it does not set errno).</summary>
    [LibraryImport(Library, EntryPoint = "clock_nanosleep")]
    public static partial int ClockNanosleep(int clock, int flags, Timespec* request, Timespec* remaining);

    [LibraryImport(Library, EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGettime(int clock, Timespec* time);
}
