namespace MoveEverything.Engine.Process;

/// <summary>Where the engine's mailbox page comes from.</summary>
public enum TransportKind
{
    /// <summary>/dev/ablspi0.0 on a Move.</summary>
    Device,
    /// <summary>A simulated Move on the other end of a shared-memory link file.</summary>
    SimulatedLink,
    /// <summary>No device: the engine paces itself with an absolute-time clock at 44100/128 Hz.</summary>
    FreeRunning,
    /// <summary>No device and no pacing: blocks run back to back (tests that need many blocks fast).</summary>
    Unpaced,
}
