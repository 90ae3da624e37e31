using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// The engine's published status, 5952 bytes, written only by the engine (block thread: heartbeat, timings,
/// peaks; control thread: module ids and states; telemetry thread: GC figures) and read by anyone.
/// Fields are naturally aligned 32/64-bit values written with plain or volatile stores: a reader may see a
/// mix of two blocks' values but never a torn field. Offsets are part of the wire format (docs/WIRE-FORMAT.md).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct StatusBlock
{
    public const int Size = 512 + SlotEntries * SlotStatus.Size;
    public const uint MagicValue = 0x5453564D; // "MVST"
    public const int Slots = 4, MasterSlot = 4, SlotEntries = 5;

    [FieldOffset(0)] public uint Magic;
    [FieldOffset(4)] public int Version;
    [FieldOffset(8)] public long EnginePid;
    /// <summary>Blocks completed; the heartbeat (one increment per block).</summary>
    [FieldOffset(16)] public long Heartbeat;
    /// <summary>CLOCK_MONOTONIC nanoseconds when the last block completed.</summary>
    [FieldOffset(24)] public long LastBlockNanos;
    /// <summary>Blocks whose exchange returned later than deadline + one period.</summary>
    [FieldOffset(32)] public long MissedBlocks;
    [FieldOffset(40)] public EngineFlags Flags;
    /// <summary>SCHED_FIFO priority granted (0 when not realtime).</summary>
    [FieldOffset(44)] public int SchedPriority;
    [FieldOffset(48)] public long StartedNanos;
    [FieldOffset(56)] public long BlockNsLast;
    [FieldOffset(64)] public long BlockNsMax;
    [FieldOffset(72)] public long PluginNsLast;
    [FieldOffset(80)] public long Gen0Collections;
    [FieldOffset(88)] public long Gen1Collections;
    [FieldOffset(96)] public long Gen2Collections;
    /// <summary>GC.GetTotalAllocatedBytes(true) of the engine process.</summary>
    [FieldOffset(104)] public long AllocatedBytes;
    /// <summary>Telemetry samples written (GC fields are fresh when this moved).</summary>
    [FieldOffset(112)] public long TelemetrySamples;
    [FieldOffset(120)] public long CommandsApplied;
    [FieldOffset(128)] public long MidiOutDropped;
    [FieldOffset(136)] public long EscapeCount;
    /// <summary>Block counter at which steady state began (after warm-up).</summary>
    [FieldOffset(144)] public long SteadyStateBlock;
    [FieldOffset(152)] public long CommandsDropped;
    /// <summary>Dead-man's pedal of the block thread (render, MIDI, params).</summary>
    [FieldOffset(256)] public DeadMansPedal BlockPedal;
    /// <summary>Dead-man's pedal of the control thread (load, init, unload).</summary>
    [FieldOffset(384)] public DeadMansPedal LoaderPedal;
    [FieldOffset(512)] public SlotStatusArray SlotTable;
}
