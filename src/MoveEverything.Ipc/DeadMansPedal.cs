using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// The dead-man's pedal as the supervisor reads it: before each call into a plugin the engine records which
/// module, slot, position and phase it enters (the engine's CallMarkerWriter writes this exact layout);
/// after the call <see cref="InCall"/> drops to 0. If the engine dies or hangs, the supervisor blames the module
/// of a pedal that is still in a call. Two pedals live in the status block: block thread and loader (control) thread.
/// 128 bytes: 0 magic "MEVM", 4 layout version, 8 sequence (odd = in a call), 16 entry Stopwatch timestamp,
/// 24 block number, 32 slot (0-based, −1 master, −2 none), 36 position, 37 phase, 38 in-call, 39 id length,
/// 40 module id (64 bytes UTF-8), 104–127 reserved.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct DeadMansPedal
{
    public const int Size = 128, ModuleIdBytes = 64;
    public const uint MagicValue = 0x4D56454D;
    public const int SlotMaster = -1, SlotNone = -2;

    [FieldOffset(0)] public uint Magic;
    [FieldOffset(4)] public uint LayoutVersion;
    [FieldOffset(8)] public long Sequence;
    [FieldOffset(16)] public long EnteredTimestamp;
    [FieldOffset(24)] public long BlockNumber;
    [FieldOffset(32)] public int Slot;
    /// <summary>0 none, 1–2 MIDI FX, 3 sound generator, 4–7 audio FX 1–4 (one more than the status table's position).</summary>
    [FieldOffset(36)] public byte Position;
    [FieldOffset(37)] public PluginPhase Phase;
    [FieldOffset(38)] public byte InCall;
    [FieldOffset(39)] public byte ModuleIdLength;
    [FieldOffset(40)] public fixed byte ModuleId[ModuleIdBytes];

    public readonly string ModuleIdText()
    {
        fixed (byte* id = ModuleId) return System.Text.Encoding.UTF8.GetString(id, Math.Min((int)ModuleIdLength, ModuleIdBytes));
    }

    /// <summary>Slot index in the status table (master → 4), or −1.</summary>
    public readonly int StatusSlot => Slot == SlotMaster ? StatusBlock.MasterSlot : Slot is >= 0 and < StatusBlock.Slots ? Slot : -1;
}

/// <summary>What the engine was doing inside a plugin (one byte; values match the engine's CallPhase).</summary>
public enum PluginPhase : byte
{
    None = 0, Load = 1, Init = 2, Render = 3, Midi = 4, Param = 5, Tick = 6, Unload = 7,
}
