namespace MoveEverything.UiHost.HostApi;

/// <summary>Why a granted unsafe host function did nothing (what <c>host_last_refusal().code</c> names, in kebab-case).</summary>
public enum UnsafeRefusalCode
{
    /// <summary>This host does not carry the operation out (network, spawning processes): see docs/COMPATIBILITY.md.</summary>
    NotCarriedOut,
    /// <summary>The argument is not an array of whole 4-byte USB-MIDI packets.</summary>
    InvalidArgument,
    /// <summary>A packet names a cable other than 0 (the Move's controls) or 2 (USB-A).</summary>
    CableNotAllowed,
    /// <summary>A SysEx or system packet (CIN below 0x8): the engine's input routing does not take them.</summary>
    UnsupportedPacket,
    /// <summary>More packets in one call than <see cref="UiHostOptions.InjectPacketsPerCall"/>.</summary>
    TooManyPackets,
    /// <summary>The engine's command ring was full; the packets from this one on were not queued.</summary>
    EngineBusy,
}
