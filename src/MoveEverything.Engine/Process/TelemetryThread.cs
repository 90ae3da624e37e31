using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// Copies the engine process's GC figures into the status block at a low rate, without allocating (so the
/// figures it reports stay true), and stops the engine when its parent (the supervisor) is gone.
/// </summary>
public sealed unsafe class TelemetryThread
{
    private readonly StatusBlock* _status;
    private readonly int _periodMs;
    private readonly Action _onOrphaned;
    private readonly Thread _thread;
    private readonly int _parent;
    private volatile bool _stop;

    public TelemetryThread(StatusBlock* status, int periodMs, Action onOrphaned)
    {
        _status = status;
        _periodMs = periodMs;
        _onOrphaned = onOrphaned;
        _parent = LinuxRealtime.getppid();
        _thread = new Thread(Run) { Name = "engine-telemetry", IsBackground = true };
    }

    public void Start() => _thread.Start();

    /// <summary>One sample, also called once synchronously at start so the figures are never zero.</summary>
    public void Sample()
    {
        _status->Gen0Collections = GC.CollectionCount(0);
        _status->Gen1Collections = GC.CollectionCount(1);
        _status->Gen2Collections = GC.CollectionCount(2);
        _status->AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true);
        Volatile.Write(ref _status->TelemetrySamples, _status->TelemetrySamples + 1);
    }

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            if (LinuxRealtime.getppid() != _parent) { _onOrphaned(); return; }
            Thread.Sleep(_periodMs);
        }
    }

    public void Stop()
    {
        _stop = true;
        if (_thread.IsAlive && Thread.CurrentThread != _thread) _thread.Join();
    }
}
