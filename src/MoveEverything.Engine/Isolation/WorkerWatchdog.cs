using System.Diagnostics;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// One thread watching every worker: exit by signal → Crash, frozen heartbeat → kill → Hang, K late answers →
/// Overrun (the adapter bypassed itself). Each fault goes to the callback; on <see cref="WorkerFaultDecision.Restart"/>
/// the worker is started again after 50 ms, 100 ms, 200 ms … (capped; reset after a healthy run) on the same shared
/// memory, and the slot plays again from its first answer. Only this thread touches the worker processes.
/// </summary>
public sealed unsafe class WorkerWatchdog : IDisposable
{
    private readonly IsolationOptions _options;
    private readonly Func<WorkerFault, WorkerFaultDecision> _onFault;
    private readonly List<Entry> _watched = [];
    /// <summary>Copy of <see cref="_watched"/> rebuilt on every change (control thread), so a watch pass allocates nothing.</summary>
    private Entry[] _snapshot = [];
    private readonly List<WorkerFault> _faults = [];
    private readonly Thread _thread;
    private volatile bool _stop;
    private int _restarts;
    private const int SigKill = 9;
    private long _lastPass = Environment.TickCount64;
    private bool _excusedLastPass;

    public WorkerWatchdog(IsolationOptions options, Func<WorkerFault, WorkerFaultDecision> onFault)
    {
        _options = options;
        _onFault = onFault;
        _thread = new Thread(Run) { Name = "engine-worker-watchdog", IsBackground = true };
        _thread.Start();
    }

    public IReadOnlyList<WorkerFault> Faults { get { lock (_faults) return _faults.ToArray(); } }
    public int Restarts => Volatile.Read(ref _restarts);
    internal IReadOnlyList<IsolatedPlugin> Plugins { get { lock (_watched) return _watched.Select(w => w.Plugin).ToArray(); } }

    internal void Watch(IsolatedPlugin plugin, WorkerProcess worker)
    {
        lock (_watched)
        {
            _watched.Add(new Entry(plugin) { Worker = worker, StartedAt = Environment.TickCount64, LastChange = Environment.TickCount64 });
            Volatile.Write(ref _snapshot, _watched.ToArray());
        }
    }

    internal void Forget(IsolatedPlugin plugin)
    {
        Entry? entry;
        lock (_watched)
        {
            entry = _watched.FirstOrDefault(w => w.Plugin == plugin);
            if (entry != null) _watched.Remove(entry);
            Volatile.Write(ref _snapshot, _watched.ToArray());
        }
        if (entry is null) return;
        lock (entry) { entry.Worker?.Dispose(); entry.Worker = null; entry.RestartAt = null; }
    }

    private void Run()
    {
        while (!_stop)
        {
            Thread.Sleep(_options.WatchPeriodMs);
            var snapshot = Volatile.Read(ref _snapshot);
            long now = Environment.TickCount64;
            // A pass that comes late (this thread starved on a loaded machine) has not watched the heartbeats for that
            // long: it may see exits, not hangs — a worker dying of SIGSEGV meanwhile would otherwise be called hung.
            // Only one pass in a row is excused, so a starved watchdog still finds a real hang a pass later.
            bool onTime = now - _lastPass <= _options.HangTimeoutMs / 2 || _excusedLastPass;
            _excusedLastPass = !onTime;
            _lastPass = now;
            foreach (var w in snapshot) lock (w) Check(w, now, onTime);
        }
    }

    private void Check(Entry w, long now, bool onTime)
    {
        if (w.Worker is null)
        {
            if (w.RestartAt is { } due && now >= due) Restart(w, now);
            return;
        }
        long beat = Volatile.Read(ref w.Plugin.Layout.Header->Heartbeat);
        var state = w.Plugin.State;
        if (beat != w.LastBeat || state != w.LastState) { w.LastBeat = beat; w.LastState = state; w.LastChange = now; }
        WorkerFault? fault = null;
        if (w.Worker.HasExited) fault = Diagnose(w.Plugin, w.Worker, null, 0);
        else if (onTime && now - w.LastChange > (state == WorkerState.Ready ? _options.HangTimeoutMs : _options.StartTimeoutMs))
        {
            long lastBeatTicks = Stopwatch.GetTimestamp() - (now - w.LastChange) * Stopwatch.Frequency / 1000;
            w.Worker.Kill();
            // Died of its own signal before ours landed (its exit not yet reaped when we looked): a crash, not a hang.
            bool crashedFirst = w.Worker.Signal is { } signal && signal != SigKill;
            fault = Diagnose(w.Plugin, w.Worker, crashedFirst ? null : WorkerFaultKind.Hang, lastBeatTicks);
        }
        else if (w.Plugin.IsBypassed && !w.BypassReported)
        {
            w.BypassReported = true;
            Report(new WorkerFault(w.Plugin.ModuleId, w.Plugin.Slot, WorkerFaultKind.Overrun, CallPhase.Render, null, null,
                DateTimeOffset.UtcNow, 0, Stopwatch.GetTimestamp()));
            return;
        }
        if (fault is null) return;
        Volatile.Write(ref w.Plugin.Layout.Header->State, (int)WorkerState.Down);
        w.Worker.Dispose();
        w.Worker = null;
        bool healthyRun = now - w.StartedAt > _options.HealthyRunResetsBackoffMs;
        w.Consecutive = healthyRun ? 1 : w.Consecutive + 1;
        if (Report(fault) == WorkerFaultDecision.Restart)
            w.RestartAt = now + Math.Min(_options.RestartBackoffMaxMs, (long)_options.RestartBackoffInitialMs << Math.Min(w.Consecutive - 1, 20));
    }

    private WorkerFaultDecision Report(WorkerFault fault)
    {
        lock (_faults) _faults.Add(fault);
        return _onFault(fault);
    }

    private void Restart(Entry w, long now)
    {
        w.RestartAt = null;
        w.Plugin.OnWorkerRestart();
        Volatile.Write(ref w.Plugin.Layout.Header->Heartbeat, 0);
        w.Worker = WorkerProcess.Start(w.Plugin.Arguments);
        w.StartedAt = w.LastChange = now;
        w.LastBeat = 0;
        w.LastState = WorkerState.Down;
        Interlocked.Increment(ref _restarts);
    }

    /// <summary>Reads the exit status and the worker's pedal into a fault (allocates; watchdog/control thread).</summary>
    internal static WorkerFault Diagnose(IsolatedPlugin plugin, WorkerProcess worker, WorkerFaultKind? kind, long faultTicks)
    {
        var marker = *plugin.Layout.Marker;
        bool inside = marker.Magic == CallMarker.MagicValue && marker.InCall == 1;
        var phase = inside ? marker.Phase : CallPhase.None;
        if (inside) faultTicks = marker.EnteredTimestamp;
        var resolved = kind ?? (worker.Signal is not null ? WorkerFaultKind.Crash : WorkerFaultKind.Exit);
        return new WorkerFault(plugin.ModuleId, plugin.Slot, resolved, phase, resolved == WorkerFaultKind.Crash ? worker.Signal : null,
            resolved == WorkerFaultKind.Exit ? worker.ExitCode : null, DateTimeOffset.UtcNow, faultTicks, Stopwatch.GetTimestamp());
    }

    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive) _thread.Join();
        lock (_watched)
        {
            foreach (var w in _watched) w.Worker?.Dispose();
            _watched.Clear();
            _snapshot = [];
        }
    }

    private sealed class Entry(IsolatedPlugin plugin)
    {
        public IsolatedPlugin Plugin { get; } = plugin;
        public WorkerProcess? Worker;
        public long StartedAt, LastChange, LastBeat;
        public long? RestartAt;
        public int Consecutive;
        public WorkerState LastState;
        public bool BypassReported;
    }
}
