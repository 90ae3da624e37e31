using System.Runtime.InteropServices;

namespace MoveEverything.Hardware.Simulated;

/// <summary>
/// Device side of a <see cref="SimulatedLink"/>: its own 4096-byte page. <see cref="TryReceive"/> pops the
/// engine's next TX half into bytes 0–2047 of <see cref="Page"/>; the device model then fills bytes
/// 2048–4095 and calls <see cref="Send"/> to queue that RX half for the engine.
/// Invariants: one thread drives an endpoint; neither call blocks or allocates.
/// </summary>
public sealed unsafe class SimulatedDeviceEndpoint : IDisposable
{
    private readonly SimulatedLink _link;
    private readonly bool _ownsLink;
    private byte* _page;

    internal SimulatedDeviceEndpoint(SimulatedLink link, bool ownsLink)
    {
        _link = link;
        _ownsLink = ownsLink;
        _page = (byte*)NativeMemory.AlignedAlloc(MailboxLayout.PageSize, MailboxLayout.PageSize);
        new Span<byte>(_page, MailboxLayout.PageSize).Clear();
    }

    /// <summary>Creates a new link at <paramref name="path"/> owned by this endpoint (the simulator side).</summary>
    public static SimulatedDeviceEndpoint CreateLink(string path, int ringCapacity = SimulatedLink.DefaultRingCapacity) =>
        new(SimulatedLink.Create(path, ringCapacity), ownsLink: true);

    /// <summary>Path of the link, for the engine's <see cref="SimulatedMailboxTransport.TryAttach"/>.</summary>
    public string LinkPath => _link.Path;

    public byte* Page => _page;

    public Mailbox Mailbox => new(_page);

    /// <summary>TX halves waiting for the device.</summary>
    public int PendingTx => _link.Tx.Count;

    /// <summary>RX halves dropped because the engine's queue was full.</summary>
    public long RxDropped => _link.Rx.Dropped;

    /// <summary>Pops the next TX half into the page; false when none is queued (page unchanged).</summary>
    public bool TryReceive()
    {
        ObjectDisposedException.ThrowIf(_page == null, this);
        if (!_link.Tx.TryRead(out var half)) return false;
        *(MailboxHalf*)_page = half;
        return true;
    }

    /// <summary>Queues the page's RX half for the engine; false (and counted) when its queue is full.</summary>
    public bool Send()
    {
        ObjectDisposedException.ThrowIf(_page == null, this);
        return _link.Rx.TryWrite(in *(MailboxHalf*)(_page + MailboxLayout.RxOffset));
    }

    public void Dispose()
    {
        if (_page == null) return;
        NativeMemory.AlignedFree(_page);
        _page = null;
        if (_ownsLink) _link.Dispose();
    }
}
