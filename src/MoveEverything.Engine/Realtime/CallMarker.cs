using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// The dead-man's pedal: written by the engine before every call into a plugin, read by the supervisor after
/// the engine died or stopped answering, to blame the module that was running. 128 bytes, little-endian, one per
/// calling thread (block thread, loader thread), in memory the caller provides (shared memory in the engine).
///
/// Layout (offset: field):
///   0: uint32 Magic = 0x4D56454D ("MEVM"); 4: uint32 LayoutVersion = 1;
///   8: int64 Sequence — incremented on every enter and every exit (odd = inside a plugin call);
///  16: int64 EnteredTimestamp — Stopwatch ticks at enter; 24: int64 BlockNumber — the block being processed;
///  32: int32 Slot — 0-based slot, −1 master chain, −2 not in a slot (e.g. loading);
///  36: uint8 Position (<see cref="ChainPosition"/>); 37: uint8 Phase (<see cref="CallPhase"/>);
///  38: uint8 InCall (1 between enter and exit); 39: uint8 ModuleIdLength;
///  40: 64 bytes ModuleId (UTF-8, not NUL-terminated, truncated to 64); 104: 24 reserved bytes (zero).
/// Invariant: while InCall is 1 every other field describes the call in progress; the writer sets the fields first
/// and publishes InCall and Sequence last (release), so a reader that sees InCall = 1 sees that call's fields.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Size)]
public unsafe struct CallMarker
{
    public const int Size = 128;
    public const uint MagicValue = 0x4D56454D;
    public const int ModuleIdCapacity = 64;
    public const int SlotMaster = -1;
    public const int SlotNone = -2;

    public uint Magic;
    public uint LayoutVersion;
    public long Sequence;
    public long EnteredTimestamp;
    public long BlockNumber;
    public int Slot;
    public ChainPosition Position;
    public CallPhase Phase;
    public byte InCall;
    public byte ModuleIdLength;
    public fixed byte ModuleId[ModuleIdCapacity];

    /// <summary>The module id as text (allocates: for the supervisor and tests, never the block thread).</summary>
    public readonly string ModuleIdText()
    {
        fixed (byte* id = ModuleId) return System.Text.Encoding.UTF8.GetString(id, Math.Min((int)ModuleIdLength, ModuleIdCapacity));
    }
}
