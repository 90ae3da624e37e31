using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MoveEverything.Ipc;

namespace MoveEverything.Supervisor;

/// <summary>
/// Starts the engine process against a control channel it creates, watches its heartbeat, drains its logs,
/// and when it dies (signal, exit, or hang → SIGKILL) reads the dead-man's pedal, reports the blamed module to
/// the <see cref="ICrashSink"/>, and restarts it with exponential backoff and the rest of the chain restored.
/// Invariants: only the watchdog thread touches the process and the log rings; one engine runs at a time.
/// </summary>
public sealed unsafe class EngineSupervisor : IDisposable
{
    private readonly EngineLaunch _engine;
    private readonly SupervisorOptions _options;
    private readonly ILogger _logger;
    private readonly ICrashSink _sink;
    private readonly IUiHostChild? _ui;
    private readonly Func<string, string?> _resolvePath;
    private readonly LogDrain _logs;
    private readonly List<EngineDeath> _deaths = [];
    private readonly Thread _watchdog;
    private readonly ManualResetEventSlim _stopped = new();
    private Process? _process;
    private IReadOnlyList<ChainLoad> _currentLoads;
    private bool _currentDemo;
    private long _blocksOfEarlierEngines;
    private volatile bool _stop;

    public EngineSupervisor(EngineLaunch engine, SupervisorOptions? options, ILogger logger, ICrashSink? sink = null,
        IUiHostChild? ui = null, Func<string, string?>? resolvePath = null, ControlChannelOptions? channelOptions = null)
    {
        _engine = engine;
        _options = options ?? new SupervisorOptions();
        _logger = logger;
        _sink = sink ?? new BlameListCrashSink();
        _ui = ui;
        _resolvePath = resolvePath ?? (_ => null);
        _logs = new LogDrain(logger);
        _currentLoads = engine.Loads;
        _currentDemo = engine.Demo;
        Channel = ControlChannel.Create(engine.ChannelPath, channelOptions);
        _watchdog = new Thread(Watch) { Name = "supervisor-watchdog", IsBackground = true };
    }

    public ControlChannel Channel { get; }
    public int Restarts { get; private set; }
    public int? EnginePid => _process?.Id;
    /// <summary>Blocks run by all engine instances so far.</summary>
    public long TotalBlocks => Volatile.Read(ref _blocksOfEarlierEngines) + Volatile.Read(ref Channel.Status->Heartbeat);
    public IReadOnlyList<EngineDeath> Deaths { get { lock (_deaths) return _deaths.ToArray(); } }
    /// <summary>Raised on the watchdog thread after each death, before the restart.</summary>
    public event Action<EngineDeath>? EngineDied;

    public void Start()
    {
        Launch();
        _ui?.Start(Channel.Path);
        _watchdog.Start();
    }

    /// <summary>Waits until the current engine has run at least <paramref name="blocks"/> blocks.</summary>
    public bool WaitForBlocks(long blocks, TimeSpan timeout)
    {
        var sw = Stopwatch.StartNew();
        while (Volatile.Read(ref Channel.Status->Heartbeat) < blocks)
        {
            if (sw.Elapsed > timeout || _stop) return false;
            Thread.Sleep(5);
        }
        return true;
    }

    private void Launch()
    {
        var args = _engine with { Loads = _currentLoads, Demo = _currentDemo };
        var info = EngineExecutable.StartInfo(args.ToArgs());
        _process = Process.Start(info) ?? throw new InvalidOperationException("engine process did not start");
        _logger.LogInformation("engine started, pid {Pid}, chain [{Chain}]", _process.Id, string.Join(", ", _currentLoads));
    }

    private void Watch()
    {
        long lastBeat = -1, lastChange = Environment.TickCount64, lastPoll = lastChange, startedAt = lastChange, consecutive = 0;
        while (!_stop)
        {
            Thread.Sleep(_options.WatchdogPeriodMs);
            long now = Environment.TickCount64;
            if (now - lastPoll > _options.HangTimeoutMs / 2) lastChange = now; // we stalled, not necessarily the engine
            lastPoll = now;
            _logs.Drain(Channel);
            if (_ui is { HasExited: true } && !_stop) { _logger.LogWarning("UI host exited ({Code}); restarting it", _ui.ExitCode); _ui.Start(Channel.Path); }
            long beat = Volatile.Read(ref Channel.Status->Heartbeat);
            if (beat != lastBeat) { lastBeat = beat; lastChange = now; }
            EngineDeathKind? death = null;
            if (_process!.HasExited) death = ExitKind(_process.ExitCode);
            else if (beat > 0 ? now - lastChange > _options.HangTimeoutMs : now - startedAt > _options.StartTimeoutMs || FirstBlockHung())
            {
                _process.Kill();
                _process.WaitForExit();
                death = EngineDeathKind.Hang;
            }
            if (death is not { } kind || _stop) continue;
            _logs.Drain(Channel);
            bool healthyRun = now - startedAt > _options.HealthyRunResetsBackoffMs;
            consecutive = healthyRun ? 1 : consecutive + 1;
            OnDeath(kind);
            if (Restarts >= _options.MaxRestarts) { _logger.LogCritical("engine died {Count} times; giving up", Restarts); break; }
            long delay = Math.Min(_options.RestartBackoffMaxMs, _options.RestartBackoffInitialMs << (int)Math.Min(consecutive - 1, 20));
            Thread.Sleep((int)delay);
            if (_stop) break;
            Restart();
            lastBeat = -1; lastChange = lastPoll = startedAt = Environment.TickCount64;
        }
        _stopped.Set();
    }

    /// <summary>
    /// A plugin stuck in its very first render/MIDI call leaves the heartbeat at 0, which the start-up timeout would
    /// tolerate for seconds: the block pedal inside one call for longer than the hang timeout is a hang too.
    /// </summary>
    private bool FirstBlockHung()
    {
        var pedal = Channel.BlockPedal;
        if (Volatile.Read(ref pedal->InCall) != 1) return false;
        long inside = Stopwatch.GetTimestamp() - pedal->EnteredTimestamp;
        return inside > _options.HangTimeoutMs * Stopwatch.Frequency / 1000;
    }

    private static EngineDeathKind ExitKind(int exitCode) => exitCode > 128 ? EngineDeathKind.Crash : EngineDeathKind.Exit;

    private void OnDeath(EngineDeathKind kind)
    {
        int exitCode = _process!.ExitCode;
        // The block thread's pedal first (render/MIDI/params), then the control thread's (load/init/unload).
        var pedal = Channel.BlockPedal->InCall == 1 ? *Channel.BlockPedal : *Channel.LoaderPedal;
        bool inside = pedal.InCall == 1;
        string moduleId = inside ? pedal.ModuleIdText() : "";
        if (inside && moduleId.Length == 0) moduleId = $"slot{pedal.Slot + 1}.{pedal.Position}";
        int statusPosition = pedal.Position > 0 ? pedal.Position - 1 : -1;
        var fingerprint = new EngineDeath(moduleId, inside ? pedal.StatusSlot : -1, inside ? statusPosition : -1,
            inside ? pedal.Phase : PluginPhase.None, kind, kind == EngineDeathKind.Crash ? exitCode - 128 : null,
            kind == EngineDeathKind.Hang ? null : exitCode, DateTimeOffset.UtcNow, HostVersion);
        lock (_deaths) _deaths.Add(fingerprint);
        _logger.LogError("{What}", fingerprint.Describe());
        _sink.OnModuleCrashed(fingerprint);
        EngineDied?.Invoke(fingerprint);
        _currentLoads = RestorableChain(fingerprint);
    }

    /// <summary>The chain to restore (<see cref="Supervisor.RestorableChain"/>); the blamed built-in synth also ends demo mode.</summary>
    private IReadOnlyList<ChainLoad> RestorableChain(EngineDeath blamed)
    {
        var chain = Supervisor.RestorableChain.From(Channel.Status, _engine.Loads, _sink, _resolvePath, _logger);
        if (blamed.ModuleId == ChainLoad.BuiltinSynthId) _currentDemo = false;
        return chain;
    }

    private void Restart()
    {
        Interlocked.Add(ref _blocksOfEarlierEngines, Channel.Status->Heartbeat);
        Channel.ResetForRestart();
        for (int slot = 0; slot < StatusBlock.SlotEntries; slot++) Channel.Status->SlotTable[slot].Modules = default;
        Restarts++;
        // The restarted engine must not route pads itself: the running UI host decides (its UiAttached went to the
        // old engine); the built-in synth, if it was running, comes back through the restored chain.
        if (_ui != null) _currentDemo = false;
        Launch();
    }

    public static string HostVersion => typeof(EngineSupervisor).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>Stops the engine (SIGTERM, then SIGKILL after the grace period) and the UI host.</summary>
    public void Stop()
    {
        if (_stop) return;
        _stop = true;
        if (_watchdog.IsAlive) _stopped.Wait(TimeSpan.FromSeconds(5));
        _ui?.Kill();
        if (_process is { HasExited: false } p)
        {
            kill(p.Id, 15);
            if (!p.WaitForExit(_options.StopGraceMs)) { p.Kill(); p.WaitForExit(); }
        }
        _logs.Drain(Channel);
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern int kill(int pid, int signal);

    public void Dispose()
    {
        Stop();
        _ui?.Dispose();
        _process?.Dispose();
        Channel.Dispose();
    }
}
