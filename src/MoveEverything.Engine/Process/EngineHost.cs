using System.Runtime;
using System.Runtime.InteropServices;
using MoveEverything.Hardware;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// The engine process: opens the control channel and the transport, loads the start-up chain on the control
/// thread, then runs the block thread (SCHED_FIFO + mlockall when permitted) until SIGTERM, SIGINT or the
/// supervisor's death. Returns the process exit code.
/// </summary>
public sealed unsafe class EngineHost
{
    private readonly EngineArguments _args;
    private readonly Func<EngineArguments, IMailboxTransport>? _transportFactory;
    private readonly Func<EngineOptions, IMailboxTransport, IEngineRack> _rackFactory;
    private volatile bool _stop;

    /// <param name="rackFactory">Builds the rack once the transport is open (its page is what mapped_memory points at).</param>
    public EngineHost(EngineArguments args, Func<EngineOptions, IMailboxTransport, IEngineRack>? rackFactory = null,
        Func<EngineArguments, IMailboxTransport>? transportFactory = null)
    {
        _args = args;
        _rackFactory = rackFactory ?? ((o, t) => new CompositeRack(new NativeRack(null, o.Isolation, null, t.Page), new BuiltinRack(o.SlotGain)));
        _transportFactory = transportFactory;
    }

    public void RequestStop() => _stop = true;

    public int Run()
    {
        var options = _args.Options;
        using var channel = ControlChannel.Open(_args.ChannelPath);
        var status = channel.Status;
        status->EnginePid = Environment.ProcessId;
        long channelOpen = status->StartedNanos = LinuxRealtime.NowNanos();
        using var transport = CreateTransport();
        var rack = _rackFactory(options, transport);
        using var blockPedal = new Realtime.CallMarkerWriter((byte*)&status->BlockPedal);
        using var loaderPedal = new Realtime.CallMarkerWriter((byte*)&status->LoaderPedal);
        rack.AttachStatus(status, blockPedal, loaderPedal);
        using var control = new ControlThread(rack, channel, options);
        foreach (var load in StartupLoads(options)) control.LoadNow(load);
        var telemetry = new TelemetryThread(status, options.TelemetryPeriodMs, RequestStop, options.Realtime ? options.SchedPriority : 0);
        var loop = new BlockLoop(transport, channel, rack, control, options, paced: _args.Transport != TransportKind.Unpaced);
        if (options.WarmupBlocks == 0) { status->Flags |= EngineFlags.SteadyState; }
        long loaded = LinuxRealtime.NowNanos();
        channel.BlockLog.TryWrite(new LogRecord { MonotonicNanos = loaded, Event = EngineLogEvent.StartupPhases, Level = 1, Arg0 = _args.EnteredNanos, Arg1 = channelOpen, Arg2 = loaded });
        channel.BlockLog.TryWrite(new LogRecord { MonotonicNanos = loaded, Event = EngineLogEvent.Started, Level = 2, Arg0 = Environment.ProcessId, Arg1 = (long)_args.Transport });

        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; RequestStop(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; RequestStop(); });
        GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
        control.Start();
        telemetry.Sample();
        telemetry.Start();
        var blockThread = new Thread(() => { rack.BindBlockThread(); BlockThread(loop, channel, options); }, 1 << 20) { Name = "engine-block" };
        blockThread.Start();
        blockThread.Join();
        telemetry.Stop();
        channel.BlockLog.TryWrite(new LogRecord { MonotonicNanos = LinuxRealtime.NowNanos(), Event = EngineLogEvent.Stopping, Level = 2, Arg0 = loop.Block });
        control.Dispose();
        (rack as IDisposable)?.Dispose();
        return 0;
    }

    private IEnumerable<ChainLoad> StartupLoads(EngineOptions options)
    {
        bool demoSlotTaken = _args.Loads.Any(l => l.Slot == options.DemoSlot && l.Position == Ipc.SlotStatus.GeneratorPosition);
        if (options.Demo && !demoSlotTaken) yield return new ChainLoad(options.DemoSlot, Ipc.SlotStatus.GeneratorPosition, BuiltinSynth.Path);
        foreach (var load in _args.Loads) yield return load;
    }

    private void BlockThread(BlockLoop loop, ControlChannel channel, EngineOptions options)
    {
        var status = channel.Status;
        long threadStarted = LinuxRealtime.NowNanos();
        if (options.Realtime)
        {
            int lockError = StandbyHost.MemoryLockedWhileParked ? 0 : LinuxRealtime.TryLockMemory(); // MCL_FUTURE covers what came since
            if (lockError == 0) status->Flags |= EngineFlags.MemoryLocked;
            else channel.BlockLog.TryWrite(new LogRecord { Event = EngineLogEvent.MemoryLockRefused, Level = 3, Arg0 = lockError });
            int fifoError = LinuxRealtime.TrySetFifo(options.SchedPriority);
            if (fifoError == 0)
            {
                status->Flags |= EngineFlags.Realtime;
                status->SchedPriority = options.SchedPriority;
                channel.BlockLog.TryWrite(new LogRecord { Event = EngineLogEvent.RealtimeGranted, Level = 2, Arg0 = options.SchedPriority });
            }
            else channel.BlockLog.TryWrite(new LogRecord { Event = EngineLogEvent.RealtimeRefused, Level = 3, Arg0 = fifoError });
        }
        long realtimeDone = LinuxRealtime.NowNanos();
        status->Flags |= EngineFlags.Running;
        if (!_stop)
        {
            loop.RunBlock();
            channel.BlockLog.TryWrite(new LogRecord { MonotonicNanos = LinuxRealtime.NowNanos(), Event = EngineLogEvent.FirstBlock, Level = 1, Arg0 = threadStarted, Arg1 = realtimeDone, Arg2 = LinuxRealtime.NowNanos() });
        }
        while (!_stop) loop.RunBlock();
        status->Flags &= ~EngineFlags.Running;
    }

    private IMailboxTransport CreateTransport()
    {
        if (_transportFactory != null) return _transportFactory(_args);
        return _args.Transport switch
        {
            TransportKind.FreeRunning => new FreeRunningTransport(paced: true),
            TransportKind.Unpaced => new FreeRunningTransport(paced: false),
            TransportKind.Device => DeviceTransport.TryOpen(_args.TransportPath!, out var device, out var fault)
                ? device! : throw new IOException($"cannot open {_args.TransportPath}: {fault}"),
            TransportKind.SimulatedLink => Hardware.Simulated.SimulatedMailboxTransport.TryAttach(_args.TransportPath!, BlockClock.Realtime(), out var link, out var linkFault)
                ? link! : throw new IOException($"cannot attach to the simulated Move at {_args.TransportPath}: {linkFault}"),
            _ => throw new NotSupportedException($"transport {_args.Transport} is not available in this build"),
        };
    }
}
