using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Process;

/// <summary>
/// Built-in deliberately faulty generators for the watchdog's tests and `mev bench recovery`: after
/// <see cref="BlocksBeforeFault"/> good (silent) blocks, render hangs forever, calls abort(), or writes through a
/// bad pointer inside libc (SIGSEGV outside managed code, like a crashing native plugin).
/// Paths: builtin:fault-hang, builtin:fault-abort, builtin:fault-segv.
/// </summary>
public sealed unsafe partial class BuiltinFault
{
    public const int BlocksBeforeFault = 200;
    private readonly FaultKind _kind;
    private int _blocks;

    public enum FaultKind { Hang, Abort, Segv }

    private BuiltinFault(FaultKind kind)
    {
        _kind = kind;
        IdUtf8 = System.Text.Encoding.UTF8.GetBytes("builtin-fault-" + kind.ToString().ToLowerInvariant());
    }

    /// <summary>The module id as UTF-8, for the dead-man's pedal.</summary>
    public byte[] IdUtf8 { get; }

    public static BuiltinFault? FromPath(string path) => path switch
    {
        "builtin:fault-hang" => new(FaultKind.Hang),
        "builtin:fault-abort" => new(FaultKind.Abort),
        "builtin:fault-segv" => new(FaultKind.Segv),
        _ => null,
    };

    [LibraryImport("libc")] private static partial void abort();
    [LibraryImport("libc")] private static partial void* memset(void* destination, int value, nuint count);

    public void Render()
    {
        if (++_blocks < BlocksBeforeFault) return;
        switch (_kind)
        {
            case FaultKind.Hang: while (Volatile.Read(ref _blocks) > 0) { } break;
            case FaultKind.Abort: abort(); break;
            case FaultKind.Segv: memset((void*)16, 1, 64); break;
        }
    }
}
