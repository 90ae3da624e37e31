using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MoveEverything.Ipc;

namespace MoveEverything.UiHost;

/// <summary>
/// Ends the UI host when the supervisor that started it dies, even by SIGKILL, so no orphaned UI host keeps running
/// module scripts against a channel nobody reads. Unlike the engine (PR_SET_PDEATHSIG, SIGKILL), the UI host is told
/// by cancelling its run token: it leaves the open module as on SIGTERM (onUnload, notes off) before exiting.
/// Without <see cref="SupervisorEnvironment.PidVariable"/> (a UI host started by hand) nothing is watched.
/// </summary>
public sealed partial class SupervisorWatch : IDisposable
{
    private readonly int _supervisor;
    private readonly Func<int> _parentPid;
    private readonly Timer? _timer;
    private int _fired;

    /// <param name="parentPid">The current parent pid (getppid; injectable for tests).</param>
    public SupervisorWatch(int? supervisorPid, Func<int> parentPid, TimeSpan interval, CancellationTokenSource stop, ILogger log)
    {
        _parentPid = parentPid;
        if (supervisorPid is not int pid) return;
        _supervisor = pid;
        _timer = new Timer(_ =>
        {
            if (!SupervisorGone || Interlocked.Exchange(ref _fired, 1) != 0) return; // tell once
            log.LogWarning("supervisor {Pid} is gone: leaving the open module and exiting", _supervisor);
            try { stop.Cancel(); }
            catch (ObjectDisposedException) { } // a callback still in flight after the run ended: nothing left to stop
        }, null, interval, interval);
    }

    /// <summary>True once the process's parent is no longer the supervisor (it died and the process was re-parented).</summary>
    public bool SupervisorGone => _timer != null && _parentPid() != _supervisor;

    /// <summary>The watch the supervisor's environment asks for.</summary>
    public static SupervisorWatch FromEnvironment(TimeSpan interval, CancellationTokenSource stop, ILogger log) =>
        new(int.TryParse(Environment.GetEnvironmentVariable(SupervisorEnvironment.PidVariable), out int pid) ? pid : null,
            getppid, interval, stop, log);

    [LibraryImport("libc")]
    private static partial int getppid();

    public void Dispose() => _timer?.Dispose();
}
