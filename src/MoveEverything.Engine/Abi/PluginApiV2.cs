using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Abi;

/// <summary>
/// <c>plugin_api_v2_t</c> (64 bytes, LP64): the instance-based sound generator returned by
/// <see cref="EntryPoints.PluginInitV2"/>; <see cref="ApiVersion"/> must be <see cref="AbiConstants.PluginApiVersion2"/> (2).
/// Every per-instance call takes the <c>void* instance</c> that create_instance returned.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PluginApiV2
{
    public const int Size = 64;

    /// <summary>Offset 0. Must be 2.</summary>
    public uint ApiVersion;
    /// <summary>Offset 8. <c>void* create_instance(const char* module_dir, const char* json_defaults)</c>, NULL = failure. Required. Loader thread.</summary>
    public delegate* unmanaged<byte*, byte*, void*> CreateInstance;
    /// <summary>Offset 16. <c>void destroy_instance(void*)</c>. Optional. Loader thread.</summary>
    public delegate* unmanaged<void*, void> DestroyInstance;
    /// <summary>Offset 24. <c>void on_midi(void*, const uint8_t* msg, int len, int source)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, int, int, void> OnMidi;
    /// <summary>Offset 32. <c>void set_param(void*, const char* key, const char* val)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, byte*, void> SetParam;
    /// <summary>Offset 40. <c>int get_param(void*, const char* key, char* buf, int buf_len)</c>, length or −1. Optional. Block thread.</summary>
    public delegate* unmanaged<void*, byte*, byte*, int, int> GetParam;
    /// <summary>Offset 48. <c>int get_error(void*, char* buf, int buf_len)</c>, 0 = no error. Optional. Loader thread.</summary>
    public delegate* unmanaged<void*, byte*, int, int> GetError;
    /// <summary>Offset 56. <c>void render_block(void*, int16_t* out_lr, int frames)</c>. Required. Block thread.</summary>
    public delegate* unmanaged<void*, short*, int, void> RenderBlock;
}
