namespace MoveEverything.UiHost.Scripting;

/// <summary>Which call into a module's script was running when something happened.</summary>
public enum ScriptPhase
{
    /// <summary>Parsing, linking and evaluating ui.js and its imports.</summary>
    Load,
    Init,
    Tick,
    MidiInternal,
    MidiExternal,
    Unload,
}
