namespace MoveEverything.Hardware;

/// <summary>
/// Host side of the display handshake (schwung-spec.md §7.3): one call per exchange cycles through 7 phases.
/// Phase 0 writes status 0 and zeroes the slice area (start of frame) and latches the caller's frame;
/// phases 1–6 write status = slice number and that slice of the latched frame (5 × 172 bytes, then 164,
/// the unused tail of the area zeroed). A full frame therefore takes 7 blocks (≈ 20 ms).
/// Invariant: the 6 slices of one cycle all come from the frame latched at its phase 0, so the device never
/// assembles a frame torn between two renders. Allocation-free after construction.
/// </summary>
public sealed class DisplaySlicer
{
    private readonly byte[] _latched = new byte[MailboxLayout.DisplayFrameBytes];

    /// <summary>The phase the next <see cref="WriteNext"/> writes, 0–6.</summary>
    public int Phase { get; private set; }

    /// <summary>Frames whose last slice has been written.</summary>
    public long FramesSent { get; private set; }

    /// <summary>Writes this phase's status word and slice into the TX half and advances the phase.</summary>
    /// <param name="mailbox">The page to write.</param>
    /// <param name="frame">The current packed frame (1024 bytes); only read at phase 0.</param>
    public void WriteNext(Mailbox mailbox, ReadOnlySpan<byte> frame)
    {
        var area = mailbox.DisplaySlice;
        if (Phase == 0)
        {
            if (frame.Length != _latched.Length)
                throw new ArgumentException($"frame must be {_latched.Length} bytes, got {frame.Length}", nameof(frame));
            frame.CopyTo(_latched);
            mailbox.DisplayStatusTx = 0;
            area.Clear();
        }
        else
        {
            int length = SliceLength(Phase);
            mailbox.DisplayStatusTx = (uint)Phase;
            _latched.AsSpan(SliceOffset(Phase), length).CopyTo(area);
            area[length..].Clear();
            if (Phase == MailboxLayout.DisplaySlices) FramesSent++;
        }
        Phase = (Phase + 1) % MailboxLayout.DisplayPhases;
    }

    /// <summary>Restarts at phase 0 (e.g. after the transport was reopened).</summary>
    public void Reset() => Phase = 0;

    /// <summary>Byte offset in the frame of slice 1–6.</summary>
    public static int SliceOffset(int slice)
    {
        CheckSlice(slice);
        return (slice - 1) * MailboxLayout.DisplaySliceSize;
    }

    /// <summary>Length of slice 1–6: 172 bytes, except 164 for slice 6.</summary>
    public static int SliceLength(int slice)
    {
        CheckSlice(slice);
        return Math.Min(MailboxLayout.DisplaySliceSize, MailboxLayout.DisplayFrameBytes - SliceOffset(slice));
    }

    private static void CheckSlice(int slice)
    {
        if (slice < 1 || slice > MailboxLayout.DisplaySlices)
            throw new ArgumentOutOfRangeException(nameof(slice), slice, "display slices are numbered 1–6");
    }
}
