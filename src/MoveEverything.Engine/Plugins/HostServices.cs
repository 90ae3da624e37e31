using System.Runtime.InteropServices;
using MoveEverything.Engine.Realtime;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// The engine-wide state behind the host callbacks: log rings (one per calling thread), plugin MIDI-out rings,
/// tempo and clock. One per engine. Create and dispose on the control thread; the members say which thread may
/// use them. All ring memory is native and allocated here, once.
///
/// Producers and consumers: the block thread produces into <see cref="BlockLog"/> and the three MIDI rings; the
/// loader thread into <see cref="LoaderLog"/>. The engine runtime drains the logs on its log thread and the MIDI
/// rings on the block thread (into MIDI OUT / MIDI IN injection). Full rings drop the newest item and count it.
/// </summary>
public sealed unsafe class HostServices : IDisposable
{
    [ThreadStatic] private static HostThreadContext? t_current;

    private readonly List<nint> _allocations = [];
    private readonly HostThreadContext _block;
    private readonly HostThreadContext _loader;
    private readonly CallMarkerWriter _privateLoaderMarker;
    private readonly CallMarkerWriter _privateBlockMarker;
    private float _bpm = 120f;
    private int _clockStatus = Abi.AbiConstants.ClockStatusUnavailable;
    private long _unboundCalls;
    private volatile bool _disposed;

    /// <summary>Services whose plugins never see the mailbox page (mapped_memory stays NULL).</summary>
    public HostServices(DspOptions options) : this(options, null) { }

    /// <param name="options">Ring capacities and the inject limit.</param>
    /// <param name="mailbox">The mailbox page given to plugins whose user granted it (mapped_memory); may be null.</param>
    public HostServices(DspOptions options, byte* mailbox)
    {
        Options = options.Validate();
        Mailbox = mailbox;
        BlockLog = SpscRing<LogRecord>.Create(Allocate(SpscRing<LogRecord>.RequiredBytes(options.LogRingCapacity)), options.LogRingCapacity);
        LoaderLog = SpscRing<LogRecord>.Create(Allocate(SpscRing<LogRecord>.RequiredBytes(options.LogRingCapacity)), options.LogRingCapacity);
        MidiOutInternal = CreateMidiRing(options.MidiOutRingCapacity);
        MidiOutExternal = CreateMidiRing(options.MidiOutRingCapacity);
        MidiInjectToMove = CreateMidiRing(options.MidiOutRingCapacity);
        _privateBlockMarker = CallMarkerWriter.CreatePrivate();
        _privateLoaderMarker = CallMarkerWriter.CreatePrivate();
        _block = new HostThreadContext { Services = this, Log = BlockLog, Marker = _privateBlockMarker.Marker, MidiAllowed = true };
        _loader = new HostThreadContext { Services = this, Log = LoaderLog, Marker = _privateLoaderMarker.Marker, MidiAllowed = false };
        BlockMarker = _privateBlockMarker;
        LoaderMarker = _privateLoaderMarker;
    }

    public DspOptions Options { get; }
    /// <summary>The mailbox page for consenting plugins, or null.</summary>
    public byte* Mailbox { get; }

    /// <summary>Plugin log lines from the block thread. Consumer: the engine's log thread.</summary>
    public SpscRing<LogRecord> BlockLog { get; }
    /// <summary>Plugin log lines from the loader thread. Consumer: the engine's log thread.</summary>
    public SpscRing<LogRecord> LoaderLog { get; }
    /// <summary>midi_send_internal packets (to Move's own ports, cable 0). Consumer: the block thread.</summary>
    public SpscRing<PluginMidiPacket> MidiOutInternal { get; }
    /// <summary>midi_send_external packets (USB-A, cable 2). Consumer: the block thread.</summary>
    public SpscRing<PluginMidiPacket> MidiOutExternal { get; }
    /// <summary>midi_inject_to_move packets, cable already forced to 0. Consumer: the block thread.</summary>
    public SpscRing<PluginMidiPacket> MidiInjectToMove { get; }

    /// <summary>The marker the block thread writes (set by <see cref="BindBlockThread"/>).</summary>
    public CallMarkerWriter BlockMarker { get; private set; }
    /// <summary>The marker the loader thread writes (set by <see cref="BindLoaderThread"/>).</summary>
    public CallMarkerWriter LoaderMarker { get; private set; }

    /// <summary>Tempo answered by get_bpm (fallback 120). Any thread.</summary>
    public float Bpm { get => Volatile.Read(ref _bpm); set => Volatile.Write(ref _bpm, value); }
    /// <summary>Answer of get_clock_status (0 unavailable, 1 stopped, 2 running). Any thread.</summary>
    public int ClockStatus { get => Volatile.Read(ref _clockStatus); set => Volatile.Write(ref _clockStatus, value); }
    /// <summary>Callbacks made from a thread that bound no context (dropped). Any thread.</summary>
    public long UnboundCalls => Interlocked.Read(ref _unboundCalls);

    /// <summary>Makes the calling thread the block thread for the callbacks. Call once on the block thread, before any plugin call.</summary>
    /// <param name="marker">Its dead-man's pedal (shared memory in the engine); null keeps a private one.</param>
    public void BindBlockThread(CallMarkerWriter? marker = null) => Bind(_block, marker, isBlock: true);

    /// <summary>
    /// Sets the marker the loader thread writes (shared memory in the engine). The loader binds itself for the
    /// duration of each load/unload (<see cref="EnterLoaderScope"/>), so callbacks made during init go to
    /// <see cref="LoaderLog"/> even when the same thread later renders. Call before the first load.
    /// </summary>
    public void BindLoaderThread(CallMarkerWriter? marker = null)
    {
        LoaderMarker = marker ?? _privateLoaderMarker;
        _loader.Marker = LoaderMarker.Marker;
    }

    private void Bind(HostThreadContext context, CallMarkerWriter? marker, bool isBlock)
    {
        var writer = marker ?? (isBlock ? _privateBlockMarker : _privateLoaderMarker);
        context.Marker = writer.Marker;
        if (isBlock) BlockMarker = writer; else LoaderMarker = writer;
        t_current = context;
    }

    /// <summary>Loader thread: routes callbacks to the loader context until the returned scope is disposed.</summary>
    internal LoaderScope EnterLoaderScope()
    {
        var previous = t_current;
        t_current = _loader;
        return new LoaderScope(previous);
    }

    /// <summary>Restores the calling thread's previous binding.</summary>
    internal readonly struct LoaderScope(HostThreadContext? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }

    /// <summary>Block thread, at the start of every block: resets the per-block inject budget.</summary>
    public void BeginBlock()
    {
        var current = t_current;
        if (current is not null) current.InjectedThisBlock = 0;
    }

    /// <summary>The calling thread's context, or null when it bound none or its services were disposed.</summary>
    internal static HostThreadContext? Current
    {
        get
        {
            var current = t_current;
            return current is null || current.Services._disposed ? null : current;
        }
    }

    internal void CountUnbound() => Interlocked.Increment(ref _unboundCalls);

    private SpscRing<PluginMidiPacket> CreateMidiRing(int capacity) =>
        SpscRing<PluginMidiPacket>.Create(Allocate(SpscRing<PluginMidiPacket>.RequiredBytes(capacity)), capacity);

    private byte* Allocate(int bytes)
    {
        var memory = (byte*)NativeMemory.AllocZeroed((nuint)bytes);
        _allocations.Add((nint)memory);
        return memory;
    }

    /// <summary>Control thread, after every plugin using these services was unloaded and no thread calls in any more.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (ReferenceEquals(t_current?.Services, this)) t_current = null;
        foreach (var memory in _allocations) NativeMemory.Free((void*)memory);
        _allocations.Clear();
        _privateBlockMarker.Dispose();
        _privateLoaderMarker.Dispose();
    }
}
