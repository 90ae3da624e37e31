using System.Runtime.InteropServices;

namespace MoveEverything.Hardware;

/// <summary>
/// One 4-byte USB-MIDI event packet as it sits in the mailbox: <c>[cable &lt;&lt; 4 | CIN, status, d1, d2]</c>
/// (schwung-spec.md §7.2). Cable 0 = Move's own controls, 2 = external USB-A, 14 = system, 15 = SPI protocol.
/// Invariant: <c>sizeof(UsbMidiPacket) == 4</c> and the field order is the byte order on the wire.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 4)]
public readonly record struct UsbMidiPacket(byte Header, byte Status, byte Data1, byte Data2)
{
    /// <summary>Code Index Number of a note-off (0x8), note-on (0x9), poly aftertouch (0xA), control change (0xB).</summary>
    public const byte CinNoteOff = 0x8, CinNoteOn = 0x9, CinPolyAftertouch = 0xA, CinControlChange = 0xB;

    /// <summary>Cable of Move's own hardware controls and LEDs.</summary>
    public const byte CableInternal = 0;

    /// <summary>Cable of the external USB-A port.</summary>
    public const byte CableExternal = 2;

    /// <summary>Virtual cable number 0–15 (high nibble of the header).</summary>
    public int Cable => Header >> 4;

    /// <summary>Code Index Number (low nibble of the header): what kind of MIDI message this is.</summary>
    public int Cin => Header & 0x0F;

    /// <summary>MIDI channel 0–15 of a channel message (low nibble of the status byte).</summary>
    public int Channel => Status & 0x0F;

    /// <summary>True for the all-zero packet that marks an unused slot or the end of a MIDI IN list.</summary>
    public bool IsEmpty => Header == 0;

    /// <summary>The packet as the little-endian 32-bit word the IPC rings carry (header in the low byte).</summary>
    public uint ToUInt32() => (uint)(Header | Status << 8 | Data1 << 16 | Data2 << 24);

    /// <summary>Inverse of <see cref="ToUInt32"/>.</summary>
    public static UsbMidiPacket FromUInt32(uint word) => new((byte)word, (byte)(word >> 8), (byte)(word >> 16), (byte)(word >> 24));

    /// <summary>The same message on another cable (host APIs force the cable a module may use).</summary>
    public UsbMidiPacket WithCable(int cable) =>
        (uint)cable <= 15 ? this with { Header = (byte)(cable << 4 | Header & 0x0F) }
            : throw new ArgumentOutOfRangeException(nameof(cable), cable, "USB-MIDI cable is 0–15");

    public static UsbMidiPacket NoteOn(byte note, byte velocity, int channel = 0, int cable = CableInternal) =>
        Channel3(CinNoteOn, 0x90, channel, cable, note, velocity);

    public static UsbMidiPacket NoteOff(byte note, byte velocity = 0, int channel = 0, int cable = CableInternal) =>
        Channel3(CinNoteOff, 0x80, channel, cable, note, velocity);

    public static UsbMidiPacket ControlChange(byte controller, byte value, int channel = 0, int cable = CableInternal) =>
        Channel3(CinControlChange, 0xB0, channel, cable, controller, value);

    public static UsbMidiPacket PolyAftertouch(byte note, byte pressure, int channel = 0, int cable = CableInternal) =>
        Channel3(CinPolyAftertouch, 0xA0, channel, cable, note, pressure);

    private static UsbMidiPacket Channel3(byte cin, byte kind, int channel, int cable, byte d1, byte d2)
    {
        if ((uint)channel > 15) throw new ArgumentOutOfRangeException(nameof(channel), channel, "MIDI channel is 0–15");
        if ((uint)cable > 15) throw new ArgumentOutOfRangeException(nameof(cable), cable, "USB-MIDI cable is 0–15");
        if (d1 > 127) throw new ArgumentOutOfRangeException(nameof(d1), d1, "MIDI data byte is 0–127");
        if (d2 > 127) throw new ArgumentOutOfRangeException(nameof(d2), d2, "MIDI data byte is 0–127");
        return new UsbMidiPacket((byte)(cable << 4 | cin), (byte)(kind | channel), d1, d2);
    }

    public override string ToString() => $"[{Header:X2} {Status:X2} {Data1:X2} {Data2:X2}]";
}
