namespace MoveEverything.Supervisor;

/// <summary>
/// The UI host child process as the supervisor sees it (the UI host helper implements it): started against the
/// engine's control channel, watched, and restarted when it dies. It owns the command producer and event
/// consumer ends of the channel while it runs.
/// </summary>
public interface IUiHostChild : IDisposable
{
    /// <summary>Starts the UI host process against the control channel file.</summary>
    void Start(string controlChannelPath);

    bool HasExited { get; }

    /// <summary>Exit code when exited (128 + signal when killed by a signal).</summary>
    int? ExitCode { get; }

    /// <summary>Kills the process (SIGKILL) without waiting.</summary>
    void Kill();
}
