using System.Buffers.Binary;

namespace MoveEverything.Hardware;

/// <summary>
/// Typed view of one 4096-byte mailbox page (offsets in <see cref="MailboxLayout"/>). A value type holding
/// only the page pointer: creating, copying and every member are allocation-free, so the engine's block
/// thread uses it directly. TX members are written by the host (engine) and read by the device; RX members
/// the other way round.
/// Invariants: every accessor stays inside the region of <see cref="MailboxLayout"/> it names; multi-byte
/// values are little-endian on the wire (the codec refuses to run on a big-endian CPU rather than corrupt them).
/// The page pointer must stay valid while the view is used (the transport owns it).
/// </summary>
public readonly unsafe struct Mailbox
{
    private readonly byte* _page;

    public Mailbox(byte* page)
    {
        if (page == null) throw new ArgumentNullException(nameof(page));
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("the mailbox codec maps int16 audio and uint32 words directly and needs a little-endian CPU");
        _page = page;
    }

    public byte* Page => _page;

    /// <summary>The whole page.</summary>
    public Span<byte> Bytes => new(_page, MailboxLayout.PageSize);

    /// <summary>Host → device half: bytes 0–2047.</summary>
    public Span<byte> TxHalf => new(_page, MailboxLayout.RxOffset);

    /// <summary>Device → host half: bytes 2048–4095.</summary>
    public Span<byte> RxHalf => new(_page + MailboxLayout.RxOffset, MailboxLayout.PageSize - MailboxLayout.RxOffset);

    // ---------------- TX: MIDI OUT ----------------

    /// <summary>The 20 MIDI OUT slots at offset 0 (unused slots must be zero).</summary>
    public Span<UsbMidiPacket> MidiOut => new(_page + MailboxLayout.MidiOutOffset, MailboxLayout.MidiOutSlots);

    /// <summary>
    /// Writes up to 20 packets into the MIDI OUT slots in order and zeroes the rest.
    /// Returns how many were written; the caller keeps the remainder for the next block.
    /// </summary>
    public int WriteMidiOut(ReadOnlySpan<UsbMidiPacket> packets)
    {
        var slots = MidiOut;
        int n = Math.Min(packets.Length, slots.Length);
        packets[..n].CopyTo(slots);
        slots[n..].Clear();
        return n;
    }

    /// <summary>Zeroes all MIDI OUT slots.</summary>
    public void ClearMidiOut() => MidiOut.Clear();

    // ---------------- TX: display ----------------

    /// <summary>TX display status word at offset 80: 0 = start of frame, 1–6 = slice number carried now.</summary>
    public uint DisplayStatusTx
    {
        get => BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(_page + MailboxLayout.DisplayStatusTxOffset, 4));
        set => BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(_page + MailboxLayout.DisplayStatusTxOffset, 4), value);
    }

    /// <summary>The 172-byte display slice area at offset 84.</summary>
    public Span<byte> DisplaySlice => new(_page + MailboxLayout.DisplaySliceOffset, MailboxLayout.DisplaySliceSize);

    // ---------------- TX: audio ----------------

    /// <summary>Audio OUT at offset 256: 128 interleaved stereo int16 frames (256 samples, L R L R …).</summary>
    public Span<short> AudioOut => new(_page + MailboxLayout.AudioOutOffset, MailboxLayout.SamplesPerBlock);

    // ---------------- RX: MIDI IN ----------------

    /// <summary>The 31 raw 8-byte MIDI IN event slots at offset 2048 (device side writes them).</summary>
    public Span<MidiInEvent> MidiInSlots => new(_page + MailboxLayout.MidiInOffset, MailboxLayout.MidiInEvents);

    /// <summary>
    /// The MIDI IN events of this block, in order, ending at the first event whose header byte is 0 and
    /// skipping XMOS heartbeats. Enumerating allocates nothing (<c>foreach (var e in mailbox.MidiIn)</c>).
    /// </summary>
    public MidiInReader MidiIn => new(MidiInSlots);

    /// <summary>
    /// Device side: writes events into the MIDI IN list (at most 31) and zeroes the remaining slots so the
    /// list is terminated. Returns how many were written.
    /// </summary>
    public int WriteMidiIn(ReadOnlySpan<MidiInEvent> events)
    {
        var slots = MidiInSlots;
        int n = Math.Min(events.Length, slots.Length);
        events[..n].CopyTo(slots);
        slots[n..].Clear();
        return n;
    }

    // ---------------- RX: display status, audio in ----------------

    /// <summary>RX display status word at offset 2296 (written by the device).</summary>
    public uint DisplayStatusRx
    {
        get => BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(_page + MailboxLayout.DisplayStatusRxOffset, 4));
        set => BinaryPrimitives.WriteUInt32LittleEndian(new Span<byte>(_page + MailboxLayout.DisplayStatusRxOffset, 4), value);
    }

    /// <summary>Audio IN at offset 2304: 128 interleaved stereo int16 frames.</summary>
    public Span<short> AudioIn => new(_page + MailboxLayout.AudioInOffset, MailboxLayout.SamplesPerBlock);
}
