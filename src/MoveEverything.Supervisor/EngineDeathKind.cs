namespace MoveEverything.Supervisor;

/// <summary>How the engine process ended.</summary>
public enum EngineDeathKind
{
    /// <summary>Killed by a signal (SIGSEGV, SIGBUS, SIGABRT, …).</summary>
    Crash,
    /// <summary>Heartbeat stopped; the supervisor killed it.</summary>
    Hang,
    /// <summary>Exited with a status on its own.</summary>
    Exit,
}
