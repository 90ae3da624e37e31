using System.Diagnostics;

namespace MoveEverything.Supervisor;

/// <summary>
/// Keeps at most one <see cref="StandbyEngine"/> available. <see cref="Replenish"/> starts a new one after a delay
/// (so its start-up and JIT do not compete for the CPU with an engine that is just starting); <see cref="TakeReady"/>
/// hands out the standby only when its warm-up is complete. Thread-safe; processes are forked by the spawner thread.
/// </summary>
public sealed class StandbyKeeper : IDisposable
{
    private readonly ProcessSpawner _spawner;
    private readonly Func<ProcessStartInfo> _startInfo;
    private readonly object _gate = new();
    private StandbyEngine? _standby;
    private Timer? _pending;
    private bool _disposed;

    public StandbyKeeper(ProcessSpawner spawner, Func<ProcessStartInfo> startInfo)
    {
        _spawner = spawner;
        _startInfo = startInfo;
    }

    /// <summary>Pid of the current standby (ready or warming up), or null.</summary>
    public int? Pid { get { lock (_gate) return _standby?.Pid; } }
    public bool HasReadyStandby { get { lock (_gate) return _standby?.IsReady == true; } }
    /// <summary>Standby processes started so far.</summary>
    public int Started { get; private set; }

    /// <summary>Makes sure a standby exists or is on its way, starting one after <paramref name="delayMs"/> if not.</summary>
    public void Replenish(int delayMs)
    {
        lock (_gate)
        {
            if (_disposed || _pending != null) return;
            if (_standby is { } s && !s.Process.HasExited) return;
            _standby?.Dispose();
            _standby = null;
            _pending = new Timer(_ => SpawnNow(), null, Math.Max(0, delayMs), Timeout.Infinite);
        }
    }

    private void SpawnNow()
    {
        var info = _startInfo();
        _spawner.StartInBackground(info, process =>
        {
            lock (_gate)
            {
                _pending?.Dispose();
                _pending = null;
                if (process == null) return;
                var standby = new StandbyEngine(process);
                if (_disposed) { standby.Dispose(); return; }
                _standby = standby;
                Started++;
            }
        });
    }

    /// <summary>The ready standby, now owned by the caller, or null (none, still warming up, or dead).</summary>
    public StandbyEngine? TakeReady()
    {
        lock (_gate)
        {
            if (_standby is not { IsReady: true } ready) return null;
            _standby = null;
            return ready;
        }
    }

    public void Dispose()
    {
        StandbyEngine? standby;
        lock (_gate)
        {
            _disposed = true;
            _pending?.Dispose();
            _pending = null;
            standby = _standby;
            _standby = null;
        }
        standby?.Dispose();
    }
}
