namespace MoveEverything.Engine.Realtime;

/// <summary>What a namespaced parameter key addresses.</summary>
public enum ParamScope : byte
{
    /// <summary>No known prefix, or the addressed chain position is empty.</summary>
    Unknown,
    /// <summary>A plugin in the slot's chain (<c>synth:</c>, <c>fxN:</c>, <c>midi_fxN:</c>).</summary>
    Plugin,
    /// <summary>The slot itself (<c>slot:volume</c>, <c>slot:receive_channel</c>).</summary>
    Slot,
}
