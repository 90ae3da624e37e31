using System.Runtime.InteropServices;
using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>A zeroed 4096-byte page in native memory, as a transport would own it.</summary>
internal sealed unsafe class NativePage : IDisposable
{
    public byte* Pointer { get; private set; } = (byte*)NativeMemory.AllocZeroed(MailboxLayout.PageSize);

    public Mailbox Mailbox => new(Pointer);

    public Span<byte> Bytes => new(Pointer, MailboxLayout.PageSize);

    public void Dispose()
    {
        NativeMemory.Free(Pointer);
        Pointer = null;
    }
}
