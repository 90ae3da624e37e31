namespace MoveEverything.Ipc;

/// <summary>
/// The engine control channel: one shared-memory file per engine instance holding the status block, the
/// display mailbox, the large-value buffer and the rings (commands, events, two log rings, block timings).
/// The supervisor creates it (and may recreate the engine against the same file after a crash); the engine
/// and the UI host open it. Producers/consumers per ring are fixed (docs/WIRE-FORMAT.md): breaking the
/// single-producer/single-consumer rule corrupts a ring, so each side keeps to its own ends.
/// </summary>
public sealed unsafe class ControlChannel : IDisposable
{
    private readonly SharedMemoryRegion _region;

    public ControlChannelLayout Layout { get; }
    public string Path => _region.Path;
    public byte* Base => _region.Pointer;

    /// <summary>UI → engine. Producer: the UI host (or supervisor/tests when no UI host). Consumer: block thread.</summary>
    public SpscRing<EngineCommand> Commands { get; }
    /// <summary>Engine → UI. Producer: block thread. Consumer: UI host (or the headless runner).</summary>
    public SpscRing<EngineEvent> Events { get; }
    /// <summary>Producer: block thread. Consumer: supervisor log drain.</summary>
    public SpscRing<LogRecord> BlockLog { get; }
    /// <summary>Producer: engine control thread. Consumer: supervisor log drain.</summary>
    public SpscRing<LogRecord> ControlLog { get; }
    /// <summary>Producer: block thread. Consumer: a benchmark (drops when nobody reads; counted).</summary>
    public SpscRing<BlockTiming> Timings { get; }
    /// <summary>Latest packed 128×64 frame: UI writes, engine reads.</summary>
    public SeqlockBuffer Display { get; }
    /// <summary>Large parameter values (tag = request id): engine writes, UI reads.</summary>
    public SeqlockBuffer LargeValue { get; }
    public StatusBlock* Status => (StatusBlock*)(Base + Layout.StatusOffset);
    public DeadMansPedal* BlockPedal => &Status->BlockPedal;
    public DeadMansPedal* LoaderPedal => &Status->LoaderPedal;

    private ControlChannel(SharedMemoryRegion region, ControlChannelLayout layout, bool create)
    {
        _region = region;
        Layout = layout;
        byte* b = region.Pointer;
        if (create)
        {
            layout.WriteHeader(b);
            var status = (StatusBlock*)(b + layout.StatusOffset);
            status->Version = ControlChannelLayout.FormatVersion;
            status->BlockPedal.Slot = status->LoaderPedal.Slot = DeadMansPedal.SlotNone;
            Volatile.Write(ref status->Magic, StatusBlock.MagicValue);
            Commands = SpscRing<EngineCommand>.Create(b + layout.CommandsOffset, layout.Options.CommandCapacity);
            Events = SpscRing<EngineEvent>.Create(b + layout.EventsOffset, layout.Options.EventCapacity);
            BlockLog = SpscRing<LogRecord>.Create(b + layout.BlockLogOffset, layout.Options.LogCapacity);
            ControlLog = SpscRing<LogRecord>.Create(b + layout.ControlLogOffset, layout.Options.LogCapacity);
            Timings = SpscRing<BlockTiming>.Create(b + layout.TimingsOffset, layout.Options.TimingCapacity);
        }
        else
        {
            Commands = SpscRing<EngineCommand>.Attach(b + layout.CommandsOffset);
            Events = SpscRing<EngineEvent>.Attach(b + layout.EventsOffset);
            BlockLog = SpscRing<LogRecord>.Attach(b + layout.BlockLogOffset);
            ControlLog = SpscRing<LogRecord>.Attach(b + layout.ControlLogOffset);
            Timings = SpscRing<BlockTiming>.Attach(b + layout.TimingsOffset);
        }
        Display = new SeqlockBuffer(b + layout.DisplayOffset, ControlChannelLayout.DisplayFrameBytes);
        LargeValue = new SeqlockBuffer(b + layout.LargeValueOffset, layout.Options.LargeValueBytes);
    }

    /// <summary>Creates (or truncates) the channel file and formats every part.</summary>
    public static ControlChannel Create(string path, ControlChannelOptions? options = null)
    {
        var layout = new ControlChannelLayout(options ?? ControlChannelOptions.Default);
        return new ControlChannel(SharedMemoryRegion.Create(path, layout.TotalBytes), layout, create: true);
    }

    /// <summary>Opens a channel another process created, reading its capacities from the header.</summary>
    public static ControlChannel Open(string path)
    {
        var layout = ControlChannelLayout.ReadHeader(path);
        return new ControlChannel(SharedMemoryRegion.Open(path, layout.TotalBytes), layout, create: false);
    }

    /// <summary>
    /// Clears what a dead engine left behind before a new engine attaches: its heartbeat and pedal, and the
    /// command ring's unread items stay (they are the UI's intent). Only the supervisor calls this, with no engine running.
    /// </summary>
    public void ResetForRestart()
    {
        var s = Status;
        s->Heartbeat = 0; s->LastBlockNanos = 0; s->Flags = EngineFlags.None;
        s->BlockPedal = default; s->LoaderPedal = default;
        s->BlockPedal.Slot = s->LoaderPedal.Slot = DeadMansPedal.SlotNone;
    }

    public void Dispose() => _region.Dispose();
}
