using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Compatibility;

/// <summary>The entry-point symbols a dsp.so may export (schwung-spec §2.2) and which ABI each binds.</summary>
public static class PluginEntryPoints
{
    public const string PluginV1 = "move_plugin_init_v1";
    public const string PluginV2 = "move_plugin_init_v2";
    public const string AudioFxV1 = "move_audio_fx_init_v1";
    public const string AudioFxV2 = "move_audio_fx_init_v2";
    public const string MidiFx = "move_midi_fx_init";

    public static IReadOnlyList<string> All { get; } = [PluginV2, PluginV1, AudioFxV2, AudioFxV1, MidiFx];

    /// <summary>Entry points a host accepts for a module of this kind, preferred first.</summary>
    public static IReadOnlyList<string> AcceptedFor(ComponentKind kind) => kind switch
    {
        ComponentKind.AudioFx => [AudioFxV2],
        ComponentKind.MidiFx => [MidiFx],
        ComponentKind.SoundGenerator or ComponentKind.Featured => [PluginV2, PluginV1],
        // overtake/tool DSP: the loader tries a v2 generator, then an audio FX v2, then the legacy host's v1
        _ => [PluginV2, AudioFxV2, PluginV1],
    };

    /// <summary>The plugin ABI (1 or 2) a library binds through, given what it exports; null when it uses none of them (e.g. MIDI FX).</summary>
    public static int? BoundAbi(IReadOnlyCollection<string> exports) =>
        exports.Contains(PluginV2) || exports.Contains(AudioFxV2) ? 2
        : exports.Contains(PluginV1) || exports.Contains(AudioFxV1) ? 1
        : null;
}
