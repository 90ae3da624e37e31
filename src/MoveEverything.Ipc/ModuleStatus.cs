using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// Status of one chain position, 128 bytes: module id, state, reason, per-call timing of render calls, load flags
/// and placement.
/// Written only by the engine (block thread for timing, control thread for id/state).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct ModuleStatus
{
    public const int Size = 128, IdBytes = 48;
    [FieldOffset(0)] public fixed byte Id[IdBytes];
    [FieldOffset(48)] public ModuleRunState State;
    /// <summary>A <see cref="LoadResultCode"/> when Failed or Crashed.</summary>
    [FieldOffset(52)] public int Reason;
    [FieldOffset(56)] public long LastNs;
    [FieldOffset(64)] public long MaxNs;
    [FieldOffset(72)] public long TotalNs;
    [FieldOffset(80)] public long Calls;
    [FieldOffset(88)] public long Overruns;
    /// <summary>The flags the module was loaded with, so a restarted engine can be given the same ones.</summary>
    [FieldOffset(96)] public LoadFlags Flags;
    /// <summary>1 when the module runs in a DSP worker process, 0 in the engine process.</summary>
    [FieldOffset(100)] public byte Isolated;
    /// <summary>For a worker fault (State Crashed, Reason WorkerFaulted): how the worker ended, in which call (from the
    /// worker's own pedal) and by which signal (0 none), so the health record names the phase like an in-process crash.</summary>
    [FieldOffset(101)] public ModuleFaultKind FaultKind;
    [FieldOffset(102)] public PluginPhase FaultPhase;
    [FieldOffset(103)] public byte FaultSignal;

    public Span<byte> IdSpan { get { fixed (byte* p = Id) return new Span<byte>(p, IdBytes); } }
}

/// <summary>The 8 chain positions of a slot: 0–1 MIDI FX, 2 sound generator, 3–6 audio FX, 7 spare.</summary>
[InlineArray(SlotStatus.Positions)]
public struct ModuleStatusArray { private ModuleStatus _first; }
