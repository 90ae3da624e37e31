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
    private Ipc.DeadMansPedal* _mirror;

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

    /// <summary>
    /// Also writes the engine process's <see cref="Ipc.DeadMansPedal"/> (StatusBlock offset 256) on every enter/exit,
    /// translated to its slot/position/phase numbering, so the supervisor's watchdog blames the same call. Set it
    /// before the first plugin call, from the thread that owns this writer.
    /// </summary>
    public void AttachMirror(Ipc.DeadMansPedal* pedal) => _mirror = pedal;

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
        if (_mirror is not null) EnterMirror(slot, position, phase, now);
        return now;
    }

    /// <summary>Records the return from the plugin.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Exit()
    {
        Volatile.Write(ref _marker->InCall, 0);
        Volatile.Write(ref _marker->Sequence, _marker->Sequence + 1);
        if (_mirror is not null) Volatile.Write(ref _mirror->Inside, 0);
    }

    private void EnterMirror(int slot, ChainPosition position, CallPhase phase, long now)
    {
        var pedal = _mirror;
        pedal->Slot = slot == CallMarker.SlotMaster ? Ipc.StatusBlock.MasterSlot : slot;
        pedal->Position = StatusPosition(position);
        pedal->Phase = phase switch
        {
            CallPhase.Load => Ipc.PluginPhase.Load,
            CallPhase.Init => Ipc.PluginPhase.Init,
            CallPhase.Render => Ipc.PluginPhase.Render,
            CallPhase.Midi or CallPhase.Tick => Ipc.PluginPhase.Midi,
            CallPhase.Param => Ipc.PluginPhase.Param,
            CallPhase.Unload => Ipc.PluginPhase.Unload,
            _ => Ipc.PluginPhase.None,
        };
        pedal->Sequence++;
        pedal->EnteredNanos = now;
        Volatile.Write(ref pedal->Inside, 1);
    }

    /// <summary>Our chain position as the status block's position index (0–1 MIDI FX, 2 generator, 3–6 audio FX).</summary>
    public static int StatusPosition(ChainPosition position) => position switch
    {
        ChainPosition.MidiFx1 => 0,
        ChainPosition.MidiFx2 => 1,
        ChainPosition.SoundGenerator or ChainPosition.None => Ipc.SlotStatus.GeneratorPosition,
        _ => Ipc.SlotStatus.FirstAudioFxPosition + (position - ChainPosition.AudioFx1),
    };

    public void Dispose()
    {
        if (_ownsMemory && Interlocked.Exchange(ref _disposed, 1) == 0)
            System.Runtime.InteropServices.NativeMemory.Free(_marker);
    }
}
