namespace MoveEverything.Ipc;

/// <summary>
/// Where each part of the control channel lives: a 256-byte header, then parts in a fixed order, each
/// aligned to 64 bytes. The header records the capacities and offsets, so an opener never guesses.
/// Header: 0 magic "MEVC" (uint32), 4 format version, 8 total bytes (int64), 16..35 the five capacities
/// (command, event, log, timing, large-value bytes; int32 each), 64.. the offsets (int64 each) in the order
/// status, display, large value, commands, events, block log, control log, timings.
/// </summary>
public sealed class ControlChannelLayout
{
    public const uint Magic = 0x4356454D; // "MEVC"
    public const int FormatVersion = 1, HeaderBytes = 256, DisplayFrameBytes = 1024;

    public ControlChannelOptions Options { get; }
    public long StatusOffset { get; }
    public long DisplayOffset { get; }
    public long LargeValueOffset { get; }
    public long CommandsOffset { get; }
    public long EventsOffset { get; }
    public long BlockLogOffset { get; }
    public long ControlLogOffset { get; }
    public long TimingsOffset { get; }
    public long TotalBytes { get; }

    public unsafe ControlChannelLayout(ControlChannelOptions options)
    {
        options.Validate();
        Options = options;
        long at = HeaderBytes;
        long Take(long bytes) { long start = at; at = Align(at + bytes); return start; }
        StatusOffset = Take(StatusBlock.Size);
        DisplayOffset = Take(SeqlockBuffer.RequiredBytes(DisplayFrameBytes));
        LargeValueOffset = Take(SeqlockBuffer.RequiredBytes(options.LargeValueBytes));
        CommandsOffset = Take(SpscRing<EngineCommand>.RequiredBytes(options.CommandCapacity));
        EventsOffset = Take(SpscRing<EngineEvent>.RequiredBytes(options.EventCapacity));
        BlockLogOffset = Take(SpscRing<LogRecord>.RequiredBytes(options.LogCapacity));
        ControlLogOffset = Take(SpscRing<LogRecord>.RequiredBytes(options.LogCapacity));
        TimingsOffset = Take(SpscRing<BlockTiming>.RequiredBytes(options.TimingCapacity));
        TotalBytes = at;
    }

    private static long Align(long value) => (value + 63) & ~63L;

    internal unsafe void WriteHeader(byte* b)
    {
        *(int*)(b + 4) = FormatVersion;
        *(long*)(b + 8) = TotalBytes;
        *(int*)(b + 16) = Options.CommandCapacity;
        *(int*)(b + 20) = Options.EventCapacity;
        *(int*)(b + 24) = Options.LogCapacity;
        *(int*)(b + 28) = Options.TimingCapacity;
        *(int*)(b + 32) = Options.LargeValueBytes;
        long[] offsets = [StatusOffset, DisplayOffset, LargeValueOffset, CommandsOffset, EventsOffset, BlockLogOffset, ControlLogOffset, TimingsOffset];
        for (int i = 0; i < offsets.Length; i++) *(long*)(b + 64 + 8 * i) = offsets[i];
        Volatile.Write(ref *(uint*)b, Magic);
    }

    /// <summary>Reads capacities from an existing channel file; typed error when it is not one.</summary>
    public static ControlChannelLayout ReadHeader(string path)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (stream.Length < HeaderBytes) throw new InvalidDataException($"{path} is too short to be a control channel");
            stream.ReadExactly(header);
        }
        if (BitConverter.ToUInt32(header) != Magic) throw new InvalidDataException($"{path} is not a control channel (bad magic)");
        int version = BitConverter.ToInt32(header[4..]);
        if (version != FormatVersion) throw new InvalidDataException($"{path} has control channel format {version}, expected {FormatVersion}");
        var layout = new ControlChannelLayout(new ControlChannelOptions
        {
            CommandCapacity = BitConverter.ToInt32(header[16..]),
            EventCapacity = BitConverter.ToInt32(header[20..]),
            LogCapacity = BitConverter.ToInt32(header[24..]),
            TimingCapacity = BitConverter.ToInt32(header[28..]),
            LargeValueBytes = BitConverter.ToInt32(header[32..]),
        });
        if (layout.TotalBytes != BitConverter.ToInt64(header[8..]))
            throw new InvalidDataException($"{path}: header size does not match its capacities");
        return layout;
    }
}
