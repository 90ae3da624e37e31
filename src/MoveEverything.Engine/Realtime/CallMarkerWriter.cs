using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// Writes one <see cref="CallMarker"/> in caller-provided memory. One writer per calling thread; only that thread
/// calls <see cref="Enter"/>/<see cref="Exit"/>. Never allocates.
/// </summary>
public sealed unsafe class CallMarkerWriter : IDisposable
{
    private readonly CallMarker* _marker;
    private readonly bool _ownsMemory;
    private int _disposed;

    /// <summary>Uses <paramref name="memory"/> (at least <see cref="CallMarker.Size"/> bytes, e.g. shared memory) and formats it.</summary>
    public CallMarkerWriter(byte* memory) : this((CallMarker*)memory, ownsMemory: false) { }

    private CallMarkerWriter(CallMarker* marker, bool ownsMemory)
    {
        _marker = marker;
        _ownsMemory = ownsMemory;
        new Span<byte>(marker, CallMarker.Size).Clear();
        marker->Slot = CallMarker.SlotNone;
        marker->LayoutVersion = 1;
        Volatile.Write(ref marker->Magic, CallMarker.MagicValue);
    }

    /// <summary>A writer over private native memory, for tests and hosts that do not publish the marker.</summary>
    public static CallMarkerWriter CreatePrivate() =>
        new((CallMarker*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(CallMarker.Size), ownsMemory: true);

    /// <summary>The marker (read it from another thread only as a snapshot).</summary>
    public CallMarker* Marker => _marker;

    /// <summary>The block being processed; the block thread sets it at the start of each block.</summary>
    public long BlockNumber { get => _marker->BlockNumber; set => _marker->BlockNumber = value; }

    /// <summary>Records entry into a plugin and returns the entry timestamp (Stopwatch ticks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Enter(byte* moduleId, int moduleIdLength, int slot, ChainPosition position, CallPhase phase)
    {
        var m = _marker;
        int length = moduleIdLength < CallMarker.ModuleIdCapacity ? moduleIdLength : CallMarker.ModuleIdCapacity;
        Buffer.MemoryCopy(moduleId, m->ModuleId, CallMarker.ModuleIdCapacity, length);
        m->ModuleIdLength = (byte)length;
        m->Slot = slot;
        m->Position = position;
        m->Phase = phase;
        long now = Stopwatch.GetTimestamp();
        m->EnteredTimestamp = now;
        Volatile.Write(ref m->InCall, 1);
        Volatile.Write(ref m->Sequence, m->Sequence + 1);
        return now;
    }

    /// <summary>Records the return from the plugin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit()
    {
        Volatile.Write(ref _marker->InCall, 0);
        Volatile.Write(ref _marker->Sequence, _marker->Sequence + 1);
    }

    public void Dispose()
    {
        if (_ownsMemory && Interlocked.Exchange(ref _disposed, 1) == 0)
            System.Runtime.InteropServices.NativeMemory.Free(_marker);
    }
}
