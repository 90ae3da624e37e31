namespace MoveEverything.Boot.Decision;

/// <summary>Replaces the current process.</summary>
public interface IExec
{
    /// <summary>
    /// Replaces the process with <paramref name="request"/>. A real exec returns only on failure, with the error;
    /// null means "replaced" (only a test double can return it).
    /// </summary>
    string? Exec(ExecRequest request);
}
