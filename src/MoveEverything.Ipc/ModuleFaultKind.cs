namespace MoveEverything.Ipc;

/// <summary>How a module's DSP worker ended (wire: one byte in <see cref="ModuleStatus.FaultKind"/>); None while it has not.</summary>
public enum ModuleFaultKind : byte
{
    None = 0,
    /// <summary>Killed by a signal (<see cref="ModuleStatus.FaultSignal"/>).</summary>
    Crash = 1,
    /// <summary>Heartbeat frozen; the watchdog killed it.</summary>
    Hang = 2,
    /// <summary>Exited on its own.</summary>
    Exit = 3,
}
