namespace MoveEverything.Boot.Decision;

/// <summary>Replaces the current process. Returns only on failure, with a description of the error.</summary>
public interface IExec
{
    string Exec(ExecRequest request);
}
