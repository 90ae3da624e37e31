using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// The dead-man's pedal: before each call into a plugin the engine records which slot, position and phase it
/// enters; after the call it clears <see cref="Inside"/>. If the engine dies or hangs, the supervisor reads
/// this to blame a module. 64 bytes at <see cref="StatusBlock"/> offset 256.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct DeadMansPedal
{
    public const int Size = 64;
    [FieldOffset(0)] public int Slot;
    [FieldOffset(4)] public int Position;
    [FieldOffset(8)] public PluginPhase Phase;
    /// <summary>1 while inside a plugin call, 0 between calls.</summary>
    [FieldOffset(12)] public int Inside;
    /// <summary>Incremented on every entry (a hang shows a sequence that stops moving while Inside = 1).</summary>
    [FieldOffset(16)] public long Sequence;
    [FieldOffset(24)] public long EnteredNanos;
}

/// <summary>What the engine was doing inside a plugin.</summary>
public enum PluginPhase
{
    None = 0, Load = 1, Init = 2, Render = 3, Midi = 4, Param = 5, Unload = 6,
}
