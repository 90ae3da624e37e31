using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// One parked engine process (`MoveEverything.Engine standby`): started, JIT-warmed on a scratch channel, waiting
/// on stdin. <see cref="TryActivate"/> hands it the engine arguments as one tab-separated line; from then on it is
/// an ordinary engine. Until then it touches neither the real channel nor the device or link (it does not know them).
/// </summary>
public sealed class StandbyEngine : IDisposable
{
    private readonly Task<string?> _readyLine;
    private bool _activated;

    public StandbyEngine(Process process)
    {
        Process = process;
        _readyLine = process.StandardOutput.ReadLineAsync();
    }

    public const string ReadyLine = "ready";
    public const char ArgumentSeparator = '\t';

    public Process Process { get; }
    public int Pid => Process.Id;

    /// <summary>Warm-up finished and the process still waits for its activation.</summary>
    public bool IsReady => !_activated && _readyLine.IsCompletedSuccessfully && _readyLine.Result == ReadyLine && !Process.HasExited;

    /// <summary>
    /// Activates the standby with these engine arguments. False (and the standby stays as it was, or is dead) when it
    /// is not ready, has died, or an argument cannot travel on one tab-separated line — the caller starts an engine cold.
    /// </summary>
    public bool TryActivate(IReadOnlyList<string> arguments)
    {
        if (!IsReady || arguments.Any(a => a.Contains(ArgumentSeparator) || a.Contains('\n') || a.Contains('\r'))) return false;
        try
        {
            Process.StandardInput.WriteLine(string.Join(ArgumentSeparator, arguments));
            Process.StandardInput.Flush();
        }
        catch (IOException) { return false; }
        _activated = true;
        return true;
    }

    /// <summary>Ends a standby that was never activated: end of input asks it to exit, SIGKILL if it does not.</summary>
    public void Dispose()
    {
        if (_activated) return;
        try { Process.StandardInput.Close(); } catch (IOException) { }
        if (!Process.WaitForExit(1000)) { try { Process.Kill(); } catch (InvalidOperationException) { } Process.WaitForExit(1000); }
        Process.Dispose();
    }
}
