namespace MoveEverything.Ipc;

/// <summary>What an <see cref="EngineCommand"/> asks the engine to do (wire value: uint16 at offset 0).</summary>
public enum CommandKind : ushort
{
    None = 0,
    /// <summary>USB-MIDI <c>Packet</c> to the DSP chain of <c>Slot</c>.</summary>
    MidiToSlot = 1,
    /// <summary>Set string param <c>Key</c> = <c>Text</c> on <c>Slot</c> (module at <c>Position</c>, 255 = chain).</summary>
    ParamSet = 2,
    /// <summary>Get param <c>Key</c>; the reply is a <see cref="EventKind.ParamReply"/> with the same <c>RequestId</c>.</summary>
    ParamGet = 3,
    /// <summary>Load the plugin at path <c>Text</c> into <c>Slot</c>/<c>Position</c>; runs on the control thread.</summary>
    LoadPlugin = 4,
    /// <summary>Unload the plugin at <c>Slot</c>/<c>Position</c>; runs on the control thread.</summary>
    UnloadPlugin = 5,
    /// <summary>USB-MIDI <c>Packet</c> to the hardware MIDI OUT (LEDs on cable 0, USB on cable 2); ≤ 20 per block, rest queued.</summary>
    MidiOut = 6,
    /// <summary>Overtake mode in <c>Value</c> (0 normal, 1 menu, 2 module); <c>Key[0..15]</c> = 128-bit passthrough CC mask.</summary>
    SetOvertake = 7,
    /// <summary>Treat <c>Packet</c> as if it arrived in MIDI IN from the device (scenarios and tests).</summary>
    InjectInput = 8,
    /// <summary>The UI host announces itself (<c>Value</c> 1) or leaves (0); while attached the built-in pad demo is off.</summary>
    UiAttached = 9,
}
