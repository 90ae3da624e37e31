using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// A 4-byte USB-MIDI packet <c>[cable&lt;&lt;4 | CIN, status, d1, d2]</c> a plugin sent through
/// midi_send_internal / midi_send_external / midi_inject_to_move, plus the slot it came from (−1 master, −2 unknown).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PluginMidiPacket
{
    public byte Header;
    public byte Status;
    public byte Data1;
    public byte Data2;
    public int Slot;

    public readonly int Cable => Header >> 4;
    public readonly int CodeIndex => Header & 0x0F;
}
