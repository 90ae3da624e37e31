using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Abi;

/// <summary>
/// <c>host_api_v1_t</c> (host → plugin), byte-compatible with schwung-spec.md §2.3: LP64, 112 bytes,
/// fields in this exact order. The host zeroes it first, so every callback may be NULL and plugins must check.
/// There is no size field: the struct only grows by appending. One block lives in native memory per plugin
/// load (<see cref="Plugins.HostApiBlock"/>) and stays valid for the plugin's lifetime.
/// "Thread" below is the thread the plugin calls the callback on, as our host drives it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HostApiV1
{
    /// <summary>Size in bytes (LP64).</summary>
    public const int Size = 112;

    /// <summary>Offset 0. Always <see cref="AbiConstants.HostApiVersion"/> (1).</summary>
    public uint ApiVersion;
    /// <summary>Offset 4. 44100.</summary>
    public int SampleRate;
    /// <summary>Offset 8. 128.</summary>
    public int FramesPerBlock;
    /// <summary>Offset 16. The mailbox page Move sees; NULL unless the user granted the module this access.</summary>
    public byte* MappedMemory;
    /// <summary>Offset 24. 256.</summary>
    public int AudioOutOffset;
    /// <summary>Offset 28. 2304.</summary>
    public int AudioInOffset;
    /// <summary>Offset 32. <c>void log(const char* msg)</c>. Optional. Any thread that calls into the plugin.</summary>
    public delegate* unmanaged<byte*, void> Log;
    /// <summary>Offset 40. <c>int midi_send_internal(const uint8_t* msg, int len)</c>: 4-byte USB-MIDI packets,
    /// returns bytes queued or 0. Optional. Block thread (from render/midi/tick).</summary>
    public delegate* unmanaged<byte*, int, int> MidiSendInternal;
    /// <summary>Offset 48. <c>int midi_send_external(const uint8_t* msg, int len)</c>, same contract. Optional. Block thread.</summary>
    public delegate* unmanaged<byte*, int, int> MidiSendExternal;
    /// <summary>Offset 56. <c>int get_clock_status(void)</c>: 0 unavailable, 1 stopped, 2 running. Optional. Any thread.</summary>
    public delegate* unmanaged<int> GetClockStatus;
    /// <summary>Offset 64. <c>int mod_emit_value(ctx, source_id, target, param, signal, depth, offset, bipolar, enabled)</c>.
    /// Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, byte*, byte*, float, float, float, int, int, int> ModEmitValue;
    /// <summary>Offset 72. <c>void mod_clear_source(ctx, source_id)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, void> ModClearSource;
    /// <summary>Offset 80. Opaque host context passed back to the mod_* callbacks and slot_recv_channel.</summary>
    public void* ModHostCtx;
    /// <summary>Offset 88. <c>float get_bpm(void)</c>. Optional. Any thread.</summary>
    public delegate* unmanaged<float> GetBpm;
    /// <summary>Offset 96. <c>int midi_inject_to_move(const uint8_t* msg, int len)</c>: len must be 4, cable forced to 0,
    /// at most 8 packets per block. Optional. Block thread.</summary>
    public delegate* unmanaged<byte*, int, int> MidiInjectToMove;
    /// <summary>Offset 104. <c>int slot_recv_channel(void* instance)</c>: −1 all channels, 0–15 one channel,
    /// −2 not a slot instance. Optional. Any thread.</summary>
    public delegate* unmanaged<void*, int> SlotRecvChannel;
}
