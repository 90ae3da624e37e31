using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// One short MIDI message on its way into the rack (8 bytes, unmanaged). <see cref="Slot"/> says where it goes:
/// a slot index, <see cref="AnySlot"/> (every slot whose receive channel matches) or <see cref="MasterSlot"/>.
/// Until the hardware layer delivers decoded mailbox events, callers build these directly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MidiEvent
{
    public const byte AnySlot = 0xFF;
    public const byte MasterSlot = 0xFE;

    public byte Status;
    public byte Data1;
    public byte Data2;
    /// <summary>Message length in bytes (1–3).</summary>
    public byte Length;
    /// <summary>on_midi source: 0 internal, 2 external, 3 host, 4 FX broadcast (audio FX only).</summary>
    public byte Source;
    public byte Slot;
    public ushort Reserved;

    public readonly int Channel => Status & 0x0F;
    public readonly bool IsChannelMessage => Status is >= 0x80 and < 0xF0;

    public static MidiEvent Message(byte status, byte data1, byte data2, byte slot = AnySlot, byte source = 0) =>
        new() { Status = status, Data1 = data1, Data2 = data2, Length = 3, Slot = slot, Source = source };

    public static MidiEvent NoteOn(int channel, int note, int velocity, byte slot = AnySlot) =>
        Message((byte)(0x90 | (channel & 0x0F)), (byte)note, (byte)velocity, slot);

    public static MidiEvent NoteOff(int channel, int note, byte slot = AnySlot) =>
        Message((byte)(0x80 | (channel & 0x0F)), (byte)note, 0, slot);

    public static MidiEvent ControlChange(int channel, int controller, int value, byte slot = AnySlot) =>
        Message((byte)(0xB0 | (channel & 0x0F)), (byte)controller, (byte)value, slot);
}
