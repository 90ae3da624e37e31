using MoveEverything.Engine.Abi;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// Every limit of the DSP layer (loader, chains, rack, host callbacks) in one place. Validated once by
/// <see cref="Validate"/>; the realtime types copy what they need into readonly fields at construction.
/// (Named DspOptions because EngineOptions belongs to the engine process as a whole.)
/// </summary>
public sealed class DspOptions
{
    /// <summary>Instrument slots in the rack. Default 4.</summary>
    public int Slots { get; init; } = 4;
    /// <summary>MIDI FX per slot chain. Default 2 (<c>MAX_MIDI_FX</c>).</summary>
    public int MaxMidiFx { get; init; } = 2;
    /// <summary>Audio FX per slot chain. Default 4 (<c>MAX_AUDIO_FX</c>).</summary>
    public int MaxAudioFx { get; init; } = 4;
    /// <summary>Audio FX in the master chain. Default 4.</summary>
    public int MaxMasterFx { get; init; } = 4;
    /// <summary>MIDI events one slot can take per block, including MIDI FX output; more are dropped and counted. Default 64.</summary>
    public int MaxMidiEventsPerBlock { get; init; } = 64;
    /// <summary>Highest slot volume as a gain factor. Default 4.0 (400 %, as the original).</summary>
    public float MaxSlotGain { get; init; } = 4.0f;

    /// <summary>Length of one block in microseconds (128 frames at 44.1 kHz ≈ 2902 µs). Derived, not settable.</summary>
    public double BlockPeriodMicroseconds => AbiConstants.FramesPerBlock * 1_000_000.0 / AbiConstants.SampleRate;
    /// <summary>One plugin's share of a block: its summed call time per block above this is an overrun. Default 0.25 (≈ 726 µs).</summary>
    public double PluginShareOfBlock { get; init; } = 0.25;
    /// <summary>Consecutive overrunning blocks after which a plugin is bypassed (K). Default 8.</summary>
    public int OverrunsBeforeBypass { get; init; } = 8;
    /// <summary>Blocks of call-time history kept per plugin for min/avg/p99. Default 512 (≈ 1.5 s).</summary>
    public int TimingWindowBlocks { get; init; } = 512;

    /// <summary>Capacity (power of two) of each host log ring (one per calling thread), records of 256 bytes. Default 256.</summary>
    public int LogRingCapacity { get; init; } = 256;
    /// <summary>Capacity (power of two) of each plugin MIDI-out ring (internal, external, inject), packets. Default 64.</summary>
    public int MidiOutRingCapacity { get; init; } = 64;
    /// <summary>midi_inject_to_move packets accepted per block; more are refused (returns 0). Default 8.</summary>
    public int InjectPacketsPerBlock { get; init; } = 8;
    /// <summary>Retired chains the block thread can hand back before the control thread collects them. Default 16.</summary>
    public int RetireQueueCapacity { get; init; } = 16;
    /// <summary>Largest get_param answer the block thread asks a plugin for, bytes. Default 65536 (<c>SHADOW_PARAM_VALUE_LEN</c>).</summary>
    public int GetParamMaxBytes { get; init; } = AbiConstants.ParamValueMaxBytes;

    /// <summary>Defaults as documented on each property.</summary>
    public static DspOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid property. Call once at start.</summary>
    public DspOptions Validate()
    {
        Require(Slots is >= 1 and <= 16, nameof(Slots), Slots);
        Require(MaxMidiFx is >= 0 and <= 2, nameof(MaxMidiFx), MaxMidiFx);
        Require(MaxAudioFx is >= 0 and <= 4, nameof(MaxAudioFx), MaxAudioFx);
        Require(MaxMasterFx is >= 0 and <= 4, nameof(MaxMasterFx), MaxMasterFx);
        Require(MaxMidiEventsPerBlock is >= 1 and <= 4096, nameof(MaxMidiEventsPerBlock), MaxMidiEventsPerBlock);
        Require(MaxSlotGain is > 0 and <= 16, nameof(MaxSlotGain), MaxSlotGain);
        Require(PluginShareOfBlock is > 0 and <= 1, nameof(PluginShareOfBlock), PluginShareOfBlock);
        Require(OverrunsBeforeBypass >= 1, nameof(OverrunsBeforeBypass), OverrunsBeforeBypass);
        Require(TimingWindowBlocks >= 1, nameof(TimingWindowBlocks), TimingWindowBlocks);
        Require(IsPowerOfTwo(LogRingCapacity), nameof(LogRingCapacity), LogRingCapacity);
        Require(IsPowerOfTwo(MidiOutRingCapacity), nameof(MidiOutRingCapacity), MidiOutRingCapacity);
        Require(InjectPacketsPerBlock >= 0, nameof(InjectPacketsPerBlock), InjectPacketsPerBlock);
        Require(RetireQueueCapacity >= 1, nameof(RetireQueueCapacity), RetireQueueCapacity);
        Require(GetParamMaxBytes is >= 64 and <= AbiConstants.ParamValueMaxBytes, nameof(GetParamMaxBytes), GetParamMaxBytes);
        return this;
    }

    private static bool IsPowerOfTwo(int value) => value > 0 && (value & (value - 1)) == 0;

    private static void Require(bool condition, string name, object value)
    {
        if (!condition) throw new ArgumentOutOfRangeException(name, value, $"DspOptions.{name} is out of range");
    }
}
