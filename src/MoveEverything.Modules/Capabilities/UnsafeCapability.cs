namespace MoveEverything.Modules.Capabilities;

/// <summary>
/// A power a module gets only after the user says yes (per module and capability).
/// The snake_case names used in module.json <c>unsafe_capabilities</c> come from
/// <see cref="UnsafeCapabilities"/>; numeric values are never persisted (store names).
/// </summary>
public enum UnsafeCapability
{
    /// <summary>Pad/knob MIDI without the host's transforms, including knob touches (legacy <c>raw_midi</c>).</summary>
    RawMidi,
    /// <summary>The Back button is not intercepted by the host (legacy <c>raw_ui</c>).</summary>
    RawUi,
    /// <summary>The master volume knob goes to the module (legacy <c>claims_master_knob</c>).</summary>
    ClaimsMasterKnob,
    /// <summary>Chosen buttons reach the Move firmware while the module has the controls (legacy <c>button_passthrough</c>).</summary>
    ButtonPassthrough,
    /// <summary>Direct access to the hardware mailbox (<c>mapped_memory</c> in host_api_v1_t).</summary>
    HardwareMailbox,
    /// <summary>Sends MIDI into the Move firmware as if a pad or button was played.</summary>
    InjectMoveMidi,
    /// <summary>Reads or writes files outside the module's own folder.</summary>
    FilesOutsideModule,
    /// <summary>Opens network connections.</summary>
    Network,
    /// <summary>Starts other programs (legacy <c>capabilities.forks_processes</c>).</summary>
    SpawnProcesses,
}
