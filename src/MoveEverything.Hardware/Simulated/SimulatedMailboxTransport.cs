using System.Runtime.InteropServices;

namespace MoveEverything.Hardware.Simulated;

/// <summary>
/// Engine side of a <see cref="SimulatedLink"/>: an <see cref="IMailboxTransport"/> whose
/// <see cref="Exchange"/> (a) waits for the next block deadline of its <see cref="BlockClock"/>, (b) pushes
/// the TX half to the device (counted in <see cref="TxDropped"/> when the device is not keeping up), and
/// (c) pops one RX half from the device if one is queued, else presents an all-zero RX half (no MIDI,
/// silent audio in), counted in <see cref="RxMissing"/>.
/// The device answers TX half n with RX half n, so the engine sees device input one block later than
/// on hardware; nothing else about timing is modelled.
/// Invariants: Exchange allocates nothing, never blocks except in the clock, and is called from one thread.
/// </summary>
public sealed unsafe class SimulatedMailboxTransport : IMailboxTransport
{
    private readonly SimulatedLink _link;
    private readonly bool _ownsLink;
    private byte* _page;

    internal SimulatedMailboxTransport(SimulatedLink link, BlockClock clock, bool ownsLink)
    {
        _link = link;
        _ownsLink = ownsLink;
        Clock = clock;
        _page = (byte*)NativeMemory.AlignedAlloc(MailboxLayout.PageSize, MailboxLayout.PageSize);
        new Span<byte>(_page, MailboxLayout.PageSize).Clear();
    }

    /// <summary>
    /// Attaches to the link at <paramref name="path"/> (created by the simulator process) and owns it.
    /// Returns false with a typed fault when the link is missing or malformed.
    /// </summary>
    public static bool TryAttach(string path, BlockClock clock, out SimulatedMailboxTransport? transport, out TransportFault fault)
    {
        transport = null;
        if (!SimulatedLink.TryOpen(path, out var link, out fault)) return false;
        transport = new SimulatedMailboxTransport(link!, clock, ownsLink: true);
        return true;
    }

    public byte* Page => _page;

    public BlockClock Clock { get; }

    /// <summary>Completed exchanges.</summary>
    public long Exchanges { get; private set; }

    /// <summary>TX halves dropped because the device's queue was full.</summary>
    public long TxDropped => _link.Tx.Dropped;

    /// <summary>Exchanges that found no RX half from the device and presented a silent one.</summary>
    public long RxMissing { get; private set; }

    public void Exchange()
    {
        ObjectDisposedException.ThrowIf(_page == null, this);
        Clock.WaitNext();
        _link.Tx.TryWrite(in *(MailboxHalf*)_page);
        if (!_link.Rx.TryRead(out *(MailboxHalf*)(_page + MailboxLayout.RxOffset))) RxMissing++;
        Exchanges++;
    }

    public void Dispose()
    {
        if (_page == null) return;
        NativeMemory.AlignedFree(_page);
        _page = null;
        if (_ownsLink) _link.Dispose();
    }
}
