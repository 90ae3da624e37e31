using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Abi;

/// <summary>
/// <c>audio_fx_api_v1_t</c> (48 bytes, LP64), returned by <see cref="EntryPoints.AudioFxInitV1"/>.
/// Declared for completeness: no loader on the device uses it, and neither does ours (audio FX must be v2).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct AudioFxApiV1
{
    public const int Size = 48;

    /// <summary>Offset 0. Would be 1.</summary>
    public uint ApiVersion;
    /// <summary>Offset 8. <c>int on_load(const char* module_dir, const char* config_json)</c>. Loader thread.</summary>
    public delegate* unmanaged<byte*, byte*, int> OnLoad;
    /// <summary>Offset 16. <c>void on_unload(void)</c>. Loader thread.</summary>
    public delegate* unmanaged<void> OnUnload;
    /// <summary>Offset 24. <c>void process_block(int16_t* inout_lr, int frames)</c>, in place. Block thread.</summary>
    public delegate* unmanaged<short*, int, void> ProcessBlock;
    /// <summary>Offset 32. <c>void set_param(const char* key, const char* val)</c>. Block thread.</summary>
    public delegate* unmanaged<byte*, byte*, void> SetParam;
    /// <summary>Offset 40. <c>int get_param(const char* key, char* buf, int buf_len)</c>. Block thread.</summary>
    public delegate* unmanaged<byte*, byte*, int, int> GetParam;
}
