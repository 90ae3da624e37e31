using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Abi;

/// <summary>
/// <c>audio_fx_api_v2_t</c> (56 bytes, LP64), returned by <see cref="EntryPoints.AudioFxInitV2"/>;
/// <see cref="ApiVersion"/> must be <see cref="AbiConstants.AudioFxApiVersion2"/> (2). Processes in place.
/// MIDI can reach an effect through <see cref="OnMidi"/> or the optional export <see cref="EntryPoints.AudioFxOnMidi"/>;
/// the host prefers the export when both exist.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct AudioFxApiV2
{
    public const int Size = 56;

    /// <summary>Offset 0. Must be 2.</summary>
    public uint ApiVersion;
    /// <summary>Offset 8. <c>void* create_instance(const char* module_dir, const char* config_json)</c>, NULL = failure. Required. Loader thread.</summary>
    public delegate* unmanaged<byte*, byte*, void*> CreateInstance;
    /// <summary>Offset 16. <c>void destroy_instance(void*)</c>. Optional. Loader thread.</summary>
    public delegate* unmanaged<void*, void> DestroyInstance;
    /// <summary>Offset 24. <c>void process_block(void*, int16_t* inout_lr, int frames)</c>. Required. Block thread.</summary>
    public delegate* unmanaged<void*, short*, int, void> ProcessBlock;
    /// <summary>Offset 32. <c>void set_param(void*, const char* key, const char* val)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, byte*, void> SetParam;
    /// <summary>Offset 40. <c>int get_param(void*, const char* key, char* buf, int buf_len)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, byte*, int, int> GetParam;
    /// <summary>Offset 48. <c>void on_midi(void*, const uint8_t* msg, int len, int source)</c>. Optional (may be NULL). Block thread.</summary>
    public delegate* unmanaged<void*, byte*, int, int, void> OnMidi;
}
