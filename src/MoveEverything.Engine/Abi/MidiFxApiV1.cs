using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Abi;

/// <summary>
/// <c>midi_fx_api_v1_t</c> (56 bytes, LP64), returned by <see cref="EntryPoints.MidiFxInit"/>;
/// <see cref="ApiVersion"/> must be <see cref="AbiConstants.MidiFxApiVersion"/> (1).
/// Out arrays are <c>uint8_t out[max_out][3]</c> and <c>int out_lens[max_out]</c>; max_out is
/// <see cref="AbiConstants.MidiFxMaxOutMessages"/>; the return value is the number of messages written.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct MidiFxApiV1
{
    public const int Size = 56;

    /// <summary>Offset 0. Must be 1.</summary>
    public uint ApiVersion;
    /// <summary>Offset 8. <c>void* create_instance(const char* module_dir, const char* config_json)</c>, NULL = failure. Required. Loader thread.</summary>
    public delegate* unmanaged<byte*, byte*, void*> CreateInstance;
    /// <summary>Offset 16. <c>void destroy_instance(void*)</c>. Optional. Loader thread.</summary>
    public delegate* unmanaged<void*, void> DestroyInstance;
    /// <summary>Offset 24. <c>int process_midi(void*, const uint8_t* in, int in_len, uint8_t out[][3], int out_lens[], int max_out)</c>.
    /// Optional (without it input passes through unchanged). Block thread, once per input message.</summary>
    public delegate* unmanaged<void*, byte*, int, byte*, int*, int, int> ProcessMidi;
    /// <summary>Offset 32. <c>int tick(void*, int frames, int sample_rate, uint8_t out[][3], int out_lens[], int max_out)</c>.
    /// Optional. Block thread, once per block after process_midi.</summary>
    public delegate* unmanaged<void*, int, int, byte*, int*, int, int> Tick;
    /// <summary>Offset 40. <c>void set_param(void*, const char* key, const char* val)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, byte*, void> SetParam;
    /// <summary>Offset 48. <c>int get_param(void*, const char* key, char* buf, int buf_len)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, byte*, int, int> GetParam;
}
