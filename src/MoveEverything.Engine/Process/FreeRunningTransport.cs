using System.Runtime.InteropServices;
using MoveEverything.Hardware;

namespace MoveEverything.Engine.Process;

/// <summary>
/// A mailbox with no device behind it: the page lives in private memory and <see cref="Exchange"/> either
/// waits for the next 128-frame deadline on CLOCK_MONOTONIC (paced) or returns at once (unpaced).
/// Nothing arrives in MIDI IN; input comes through InjectInput commands instead.
/// </summary>
public sealed unsafe class FreeRunningTransport : IMailboxTransport
{
    private readonly bool _paced;
    private readonly long _periodNanos = (long)(MailboxLayout.BlockMicroseconds * 1000);
    private long _next;

    public FreeRunningTransport(bool paced)
    {
        _paced = paced;
        Page = (byte*)NativeMemory.AlignedAlloc(MailboxLayout.PageSize, 64);
        new Span<byte>(Page, MailboxLayout.PageSize).Clear();
    }

    public byte* Page { get; private set; }

    public void Exchange()
    {
        if (!_paced) return;
        long now = LinuxRealtime.NowNanos();
        if (_next == 0 || now - _next > _periodNanos) _next = now; // start, or resync after a missed block (as the block loop does)
        _next += _periodNanos;
        LinuxRealtime.SleepUntil(_next);
    }

    public void Dispose()
    {
        if (Page == null) return;
        NativeMemory.AlignedFree(Page);
        Page = null;
    }
}
