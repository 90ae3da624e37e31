namespace MoveEverything.Engine.Abi;

/// <summary>
/// The constants of the native plugin ABI (schwung-spec.md §2.1, <c>plugin_api_v1.h</c>), in one place.
/// Audio everywhere is stereo interleaved signed int16 little-endian: L0 R0 L1 R1 …,
/// <see cref="FramesPerBlock"/> frames = 256 samples = <see cref="AudioBytesPerBlock"/> bytes; audio FX process in place.
/// </summary>
public static class AbiConstants
{
    /// <summary><c>MOVE_PLUGIN_API_VERSION</c>: version of <c>plugin_api_v1_t</c> and of <c>host_api_v1_t</c>.</summary>
    public const uint PluginApiVersion = 1;
    /// <summary><c>MOVE_PLUGIN_API_VERSION_2</c>: version of <c>plugin_api_v2_t</c>.</summary>
    public const uint PluginApiVersion2 = 2;
    /// <summary><c>host_api_v1_t.api_version</c>; plugins such as the chain refuse any other value.</summary>
    public const uint HostApiVersion = 1;

    public const int SampleRate = 44100;
    public const int FramesPerBlock = 128;
    /// <summary>Interleaved int16 samples in one block (frames × 2 channels).</summary>
    public const int SamplesPerBlock = FramesPerBlock * 2;
    public const int AudioOutOffset = 256;
    public const int AudioInOffset = 2304;
    public const int AudioBytesPerBlock = 512;

    /// <summary>MIDI <c>source</c> argument of on_midi: Move's own controls (cable 0).</summary>
    public const int MidiSourceInternal = 0;
    /// <summary>External USB MIDI (cable 2). The docs' "1" is wrong; the code uses 2.</summary>
    public const int MidiSourceExternal = 2;
    public const int MidiSourceHost = 3;
    /// <summary>Broadcast to audio FX only; sound generators skip it.</summary>
    public const int MidiSourceFxBroadcast = 4;

    public const int ClockStatusUnavailable = 0;
    public const int ClockStatusStopped = 1;
    public const int ClockStatusRunning = 2;

    /// <summary><c>AUDIO_FX_API_VERSION</c>.</summary>
    public const uint AudioFxApiVersion = 1;
    /// <summary><c>AUDIO_FX_API_VERSION_2</c>.</summary>
    public const uint AudioFxApiVersion2 = 2;
    /// <summary><c>MIDI_FX_API_VERSION</c>.</summary>
    public const uint MidiFxApiVersion = 1;
    /// <summary><c>MIDI_FX_MAX_OUT_MSGS</c>: capacity of the out arrays passed to process_midi and tick.</summary>
    public const int MidiFxMaxOutMessages = 16;

    /// <summary><c>SHADOW_PARAM_VALUE_LEN</c>: largest get_param answer (ui_hierarchy, state blobs), bytes.</summary>
    public const int ParamValueMaxBytes = 65536;
}
