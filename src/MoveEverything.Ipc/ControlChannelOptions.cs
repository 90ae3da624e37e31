namespace MoveEverything.Ipc;

/// <summary>
/// Every capacity of the engine control channel in one place. The creator (supervisor) writes these into
/// the channel header, so the engine and the UI host read them back instead of agreeing by convention.
/// Ring capacities must be powers of two (SPSC index masking).
/// </summary>
public sealed record ControlChannelOptions
{
    /// <summary>UI → engine command ring slots (384 bytes each). Default 256.</summary>
    public int CommandCapacity { get; init; } = 256;

    /// <summary>Engine → UI event ring slots (288 bytes each). Default 256.</summary>
    public int EventCapacity { get; init; } = 256;

    /// <summary>Slots of each of the two engine log rings (block thread, control thread), 40 bytes each. Default 512.</summary>
    public int LogCapacity { get; init; } = 512;

    /// <summary>Per-block timing records kept for benchmarks (32 bytes each). Default 8192 (≈ 24 s of blocks).</summary>
    public int TimingCapacity { get; init; } = 8192;

    /// <summary>Bytes of the request/response buffer for large parameter values (ui_hierarchy JSON). Default 65536.</summary>
    public int LargeValueBytes { get; init; } = 65536;

    public static ControlChannelOptions Default { get; } = new();

    /// <summary>Throws when a capacity is not a positive power of two or the value buffer is empty.</summary>
    public void Validate()
    {
        RequirePowerOfTwo(CommandCapacity, nameof(CommandCapacity));
        RequirePowerOfTwo(EventCapacity, nameof(EventCapacity));
        RequirePowerOfTwo(LogCapacity, nameof(LogCapacity));
        RequirePowerOfTwo(TimingCapacity, nameof(TimingCapacity));
        if (LargeValueBytes < EngineEvent.InlineTextBytes)
            throw new ArgumentOutOfRangeException(nameof(LargeValueBytes), LargeValueBytes, "must hold at least an inline value");
    }

    private static void RequirePowerOfTwo(int value, string name)
    {
        if (value <= 0 || (value & (value - 1)) != 0)
            throw new ArgumentOutOfRangeException(name, value, "must be a positive power of two");
    }
}
