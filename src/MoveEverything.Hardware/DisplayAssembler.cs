namespace MoveEverything.Hardware;

/// <summary>
/// Device side of the display handshake: rebuilds 1024-byte frames from the status word and slice area of
/// successive TX halves. A frame completes only when status 0 (start) was followed by slices 1, 2, … 6 in
/// order; any other sequence (a skipped or repeated slice, a status above 6) discards the partial frame,
/// counts it in <see cref="SequenceErrors"/> and waits for the next status 0.
/// Invariant: <see cref="Frame"/> only ever changes to a frame made of the 6 slices of one cycle.
/// Not thread-safe: one device thread feeds it. Allocation-free after construction.
/// </summary>
public sealed class DisplayAssembler
{
    private readonly byte[] _building = new byte[MailboxLayout.DisplayFrameBytes];
    private readonly byte[] _frame = new byte[MailboxLayout.DisplayFrameBytes];
    private int _expected; // next slice number expected, 0 = waiting for a start

    /// <summary>The last complete frame (all zero until the first one).</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>Complete frames assembled so far.</summary>
    public long FramesCompleted { get; private set; }

    /// <summary>Cycles broken by an out-of-order or unknown status word.</summary>
    public long SequenceErrors { get; private set; }

    /// <summary>Reads the TX display status and slice of <paramref name="mailbox"/>; true when a frame just completed.</summary>
    public bool Accept(Mailbox mailbox) => Accept(mailbox.DisplayStatusTx, mailbox.DisplaySlice);

    /// <summary>Feeds one phase; true when it completed a frame.</summary>
    public bool Accept(uint status, ReadOnlySpan<byte> sliceArea)
    {
        if (status == 0)
        {
            _expected = 1;
            return false;
        }
        if (_expected == 0) return false; // mid-cycle after an error or before the first start
        if (status != (uint)_expected)
        {
            SequenceErrors++;
            _expected = 0;
            return false;
        }
        int slice = (int)status;
        int length = DisplaySlicer.SliceLength(slice);
        sliceArea[..length].CopyTo(_building.AsSpan(DisplaySlicer.SliceOffset(slice), length));
        if (slice < MailboxLayout.DisplaySlices)
        {
            _expected++;
            return false;
        }
        _building.CopyTo(_frame, 0);
        FramesCompleted++;
        _expected = 0;
        return true;
    }
}
