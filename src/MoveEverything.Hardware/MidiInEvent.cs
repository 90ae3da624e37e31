using System.Runtime.InteropServices;

namespace MoveEverything.Hardware;

/// <summary>
/// One MIDI IN event of the RX half: the 4-byte USB-MIDI packet followed by a little-endian uint32 timestamp
/// (8-byte stride, schwung-spec.md §7.2). Events injected into Move must carry increasing timestamps.
/// Invariant: <c>sizeof(MidiInEvent) == MailboxLayout.MidiInEventSize</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
public readonly record struct MidiInEvent(UsbMidiPacket Packet, uint Timestamp)
{
    /// <summary>
    /// The XMOS controller's heartbeat (CIN 1–3 with status 0x00) shares the MIDI IN list; it is not MIDI.
    /// </summary>
    public bool IsHeartbeat => Packet.Cin is >= 1 and <= 3 && Packet.Status == 0;
}
