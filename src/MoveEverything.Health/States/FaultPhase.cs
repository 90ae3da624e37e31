namespace MoveEverything.Health.States;

/// <summary>What the host was asking the module to do when it faulted (the dead-man's-pedal phase).</summary>
public enum FaultPhase
{
    /// <summary>Opening the module: dlopen, symbol lookup, reading ui.js.</summary>
    Load,
    /// <summary>create_instance / on_load / JS init.</summary>
    Init,
    /// <summary>JS tick() or a periodic host callback.</summary>
    Tick,
    /// <summary>on_midi / onMidiMessage*.</summary>
    Midi,
    /// <summary>render_block / process on the audio path.</summary>
    Render,
    /// <summary>set_param / get_param.</summary>
    Param,
    /// <summary>Unloading or destroying the instance.</summary>
    Unload,
}
