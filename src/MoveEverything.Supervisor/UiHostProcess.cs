using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace MoveEverything.Supervisor;

/// <summary>
/// The UI host child process: started against the engine's control channel with the <see cref="UiHostLaunch"/>
/// arguments, its stdout/stderr lines forwarded to the logger. When the supervisor asks for a restart after a
/// death, a quick death delays the next start with exponential backoff (on a timer, so the engine watchdog never
/// waits); <see cref="HasExited"/> stays false while a restart is pending, so the restart is asked for once.
/// Invariant: at most one UI host process runs at a time.
/// </summary>
public sealed class UiHostProcess(UiHostLaunch launch, ILogger logger, string? folder = null) : IUiHostChild
{
    private readonly object _gate = new();
    private Process? _process;
    private Timer? _pending;
    private long _startedAt;
    private int _quickDeaths;
    private bool _disposed;

    /// <summary>Processes started so far (1 + restarts).</summary>
    public int Starts { get; private set; }

    public int? Pid { get { lock (_gate) return _process is { HasExited: false } p ? p.Id : null; } }

    public bool HasExited { get { lock (_gate) return _pending == null && _process is { HasExited: true }; } }

    public int? ExitCode { get { lock (_gate) return _process is { HasExited: true } p ? p.ExitCode : null; } }

    public void Start(string controlChannelPath)
    {
        lock (_gate)
        {
            if (_disposed || _pending != null) return;
            if (_process == null) { Launch(controlChannelPath); return; }
            bool quick = Environment.TickCount64 - _startedAt < launch.HealthyRunResetsBackoffMs;
            _quickDeaths = quick ? _quickDeaths + 1 : 0;
            long delay = _quickDeaths == 0 ? 0 : Math.Min(launch.RestartBackoffMaxMs, (long)launch.RestartBackoffInitialMs << Math.Min(_quickDeaths - 1, 20));
            _pending = new Timer(_ =>
            {
                lock (_gate)
                {
                    _pending?.Dispose();
                    _pending = null;
                    if (!_disposed) Launch(controlChannelPath);
                }
            }, null, delay, Timeout.Infinite);
        }
    }

    private void Launch(string channelPath)
    {
        // The parameterless wait returns once the dead process's stdout/stderr reached EOF: its last lines (often the
        // reason it died) are forwarded before the handle goes.
        _process?.WaitForExit();
        _process?.Dispose();
        var info = UiHostExecutable.StartInfo(launch.ToArgs(channelPath, firstStart: Starts == 0), folder);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Forward(e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, LogLevel.Warning);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _startedAt = Environment.TickCount64;
        Starts++;
        logger.LogInformation("UI host started, pid {Pid}", process.Id);
    }

    private void Forward(string? line, LogLevel level)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        // The UI host's console logger writes "level: category[id] message"; keep its own level where readable.
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith("fail:") || trimmed.StartsWith("crit:")) level = LogLevel.Error;
        else if (trimmed.StartsWith("warn:")) level = LogLevel.Warning;
        else if (trimmed.StartsWith("info:") || trimmed.StartsWith("dbug:") || trimmed.StartsWith("trce:")) level = LogLevel.Information;
        logger.Log(level, "[uihost] {Line}", trimmed);
    }

    public void Kill()
    {
        lock (_gate)
        {
            _pending?.Dispose();
            _pending = null;
            if (_process is { HasExited: false } p) p.Kill();
        }
    }

    /// <summary>Asks the UI host to stop (SIGTERM: it unloads the module and detaches), then kills it after <paramref name="grace"/>.</summary>
    public void Stop(TimeSpan grace)
    {
        Process? p;
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            _pending = null;
            p = _process;
        }
        if (p is not { HasExited: false }) return;
        kill(p.Id, 15);
        if (!p.WaitForExit(grace)) { p.Kill(); p.WaitForExit(); }
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int kill(int pid, int signal);

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(2));
        lock (_gate)
        {
            _process?.Dispose();
            _process = null; // Dispose may run twice (the supervisor and the owner both dispose the child)
        }
    }
}
