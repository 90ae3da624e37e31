using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// Status of one slot (or, at index <see cref="StatusBlock.MasterSlot"/>, the master FX chain), 1088 bytes.
/// Peaks are linear absolute sample maxima in 0..1 of the slot's output before mixing.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct SlotStatus
{
    public const int Size = 64 + Positions * ModuleStatus.Size, Positions = 8;
    public const int MidiFxPositions = 2, GeneratorPosition = 2, FirstAudioFxPosition = 3, AudioFxPositions = 4;

    /// <summary>Peak of the last rendered block.</summary>
    [FieldOffset(0)] public float Peak;
    /// <summary>Highest peak since the engine started (never decays; a run summary reads it).</summary>
    [FieldOffset(4)] public float PeakHold;
    /// <summary>Nanoseconds the slot's chain took in the last block.</summary>
    [FieldOffset(8)] public long LastNs;
    [FieldOffset(64)] public ModuleStatusArray Modules;
}

/// <summary>4 slots + master.</summary>
[InlineArray(StatusBlock.SlotEntries)]
public struct SlotStatusArray { private SlotStatus _first; }
