namespace MoveEverything.Engine.Plugins;

/// <summary>The role a native plugin plays in a chain; decides which entry points the loader looks up.</summary>
public enum PluginKind
{
    /// <summary>Synth / instrument: move_plugin_init_v2, falling back to move_plugin_init_v1.</summary>
    SoundGenerator,
    /// <summary>In-place audio effect: move_audio_fx_init_v2 (+ optional move_audio_fx_on_midi).</summary>
    AudioFx,
    /// <summary>MIDI effect: move_midi_fx_init.</summary>
    MidiFx,
}
