namespace MoveEverything.Engine.Abi;

/// <summary>
/// Every symbol the host looks up in a plugin library (opened <c>RTLD_NOW | RTLD_LOCAL</c>), listed once.
/// All init functions take <c>const host_api_v1_t*</c> valid for the plugin's lifetime; a library may export
/// both v1 and v2 and the host prefers v2.
/// </summary>
public static class EntryPoints
{
    public const string PluginInitV2 = "move_plugin_init_v2";
    public const string PluginInitV1 = "move_plugin_init_v1";
    public const string AudioFxInitV2 = "move_audio_fx_init_v2";
    public const string AudioFxInitV1 = "move_audio_fx_init_v1";
    public const string MidiFxInit = "move_midi_fx_init";
    public const string AudioFxOnMidi = "move_audio_fx_on_midi";

    /// <summary>All entry points, in the order a loader considers them.</summary>
    public static IReadOnlyList<EntryPoint> All { get; } =
    [
        new(PluginInitV2, "plugin_api_v2_t*", AbiRequirement.Required, AbiThread.Loader, AbiConstants.PluginApiVersion2,
            "sound generators (tried first)"),
        new(PluginInitV1, "plugin_api_v1_t*", AbiRequirement.Optional, AbiThread.Loader, AbiConstants.PluginApiVersion,
            "sound generators: fallback when move_plugin_init_v2 is absent"),
        new(AudioFxInitV2, "audio_fx_api_v2_t*", AbiRequirement.Required, AbiThread.Loader, AbiConstants.AudioFxApiVersion2,
            "audio FX in slots and the master chain"),
        new(AudioFxInitV1, "audio_fx_api_v1_t*", AbiRequirement.Optional, AbiThread.Loader, AbiConstants.AudioFxApiVersion,
            "declared only; no loader uses it"),
        new(MidiFxInit, "midi_fx_api_v1_t*", AbiRequirement.Required, AbiThread.Loader, AbiConstants.MidiFxApiVersion,
            "MIDI FX"),
        new(AudioFxOnMidi, "void(void* instance, const uint8_t* msg, int len, int source)", AbiRequirement.Optional,
            AbiThread.Block, 0, "audio FX that react to MIDI (e.g. a ducker); preferred over audio_fx_api_v2_t.on_midi"),
    ];
}
