using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Abi;

/// <summary>
/// <c>plugin_api_v1_t</c> (64 bytes, LP64): the deprecated singleton synth, returned by
/// <see cref="EntryPoints.PluginInitV1"/>. Loaded only as a fallback when a library has no v2 entry point;
/// the returned struct's <see cref="ApiVersion"/> must be <see cref="AbiConstants.PluginApiVersion"/> (1).
/// A singleton has one state per library, so it can run in one slot at a time.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PluginApiV1
{
    public const int Size = 64;

    /// <summary>Offset 0. Must be 1.</summary>
    public uint ApiVersion;
    /// <summary>Offset 8. <c>int on_load(const char* module_dir, const char* json_defaults)</c>, 0 = ok. Required. Loader thread.</summary>
    public delegate* unmanaged<byte*, byte*, int> OnLoad;
    /// <summary>Offset 16. <c>void on_unload(void)</c>. Optional. Loader thread.</summary>
    public delegate* unmanaged<void> OnUnload;
    /// <summary>Offset 24. <c>void on_midi(const uint8_t* msg, int len, int source)</c>, msg = 3-byte MIDI. Optional. Block thread.</summary>
    public delegate* unmanaged<byte*, int, int, void> OnMidi;
    /// <summary>Offset 32. <c>void set_param(const char* key, const char* val)</c>. Optional. Block thread.</summary>
    public delegate* unmanaged<byte*, byte*, void> SetParam;
    /// <summary>Offset 40. <c>int get_param(const char* key, char* buf, int buf_len)</c>, length or −1. Optional. Block thread.</summary>
    public delegate* unmanaged<byte*, byte*, int, int> GetParam;
    /// <summary>Offset 48. <c>int get_error(char* buf, int buf_len)</c>, 0 = no error. Optional. Loader thread.</summary>
    public delegate* unmanaged<byte*, int, int> GetError;
    /// <summary>Offset 56. <c>void render_block(int16_t* out_lr, int frames)</c>. Required. Block thread.</summary>
    public delegate* unmanaged<short*, int, void> RenderBlock;
}
