namespace MoveEverything.Engine.Realtime;

/// <summary>What the host was doing inside a plugin, as recorded in the <see cref="CallMarker"/> (one byte on the wire).</summary>
public enum CallPhase : byte
{
    None = 0,
    /// <summary>The init entry point (move_*_init*).</summary>
    Load = 1,
    /// <summary>create_instance / on_load.</summary>
    Init = 2,
    /// <summary>render_block / process_block.</summary>
    Render = 3,
    /// <summary>on_midi / process_midi / move_audio_fx_on_midi.</summary>
    Midi = 4,
    /// <summary>set_param / get_param.</summary>
    Param = 5,
    /// <summary>MIDI FX tick.</summary>
    Tick = 6,
    /// <summary>destroy_instance / on_unload.</summary>
    Unload = 7,
}
