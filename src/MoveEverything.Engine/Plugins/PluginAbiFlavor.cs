namespace MoveEverything.Engine.Plugins;

/// <summary>Which ABI struct a loaded plugin speaks.</summary>
public enum PluginAbiFlavor
{
    /// <summary><c>plugin_api_v2_t</c>, instance-based.</summary>
    SynthV2,
    /// <summary><c>plugin_api_v1_t</c>, a process-wide singleton (legacy fallback).</summary>
    SynthV1,
    /// <summary><c>audio_fx_api_v2_t</c>.</summary>
    AudioFxV2,
    /// <summary><c>midi_fx_api_v1_t</c>.</summary>
    MidiFxV1,
}
