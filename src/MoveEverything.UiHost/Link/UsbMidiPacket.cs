namespace MoveEverything.UiHost.Link;

/// <summary>
/// A 4-byte USB-MIDI event packet: byte 0 = cable (high nibble) | code index (low nibble), then 3 MIDI bytes.
/// The host API forces the cable (0 for move_midi_internal_send, 2 for move_midi_external_send).
/// </summary>
public readonly record struct UsbMidiPacket(byte Header, byte Status, byte Data1, byte Data2)
{
    public int Cable => Header >> 4;

    public UsbMidiPacket WithCable(int cable) => this with { Header = (byte)((cable << 4) | (Header & 0x0F)) };

    /// <summary>Note LED: [0x09, 0x90, note, color] on cable 0.</summary>
    public static UsbMidiPacket NoteLed(byte note, byte color) => new(0x09, 0x90, note, color);

    /// <summary>Button LED: [0x0B, 0xB0, cc, color] on cable 0.</summary>
    public static UsbMidiPacket CcLed(byte cc, byte color) => new(0x0B, 0xB0, cc, color);
}
