using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// Copies the engine process's GC figures into the status block at a low rate, without allocating (so the
/// figures it reports stay true), and stops the engine when its parent (the supervisor) is gone.
/// Runs at the block thread's SCHED_FIFO priority when given one: <c>GC.GetTotalAllocatedBytes(precise: true)</c>
/// suspends the runtime, and a block thread waking from its sleep meanwhile waits for the resume. At SCHED_OTHER
/// this thread could be preempted mid-suspension by any busy process for a scheduler slice (~3 ms on these
/// machines) — a missed block caused by us (priority inversion); at FIFO nothing below the block thread can.
/// </summary>
public sealed unsafe class TelemetryThread
{
    private readonly StatusBlock* _status;
    private readonly int _periodMs;
    private readonly Action _onOrphaned;
    private readonly Thread _thread;
    private readonly int _parent;
    private readonly int _fifoPriority;
    private volatile bool _stop;

    /// <param name="fifoPriority">SCHED_FIFO priority of this thread (the block thread's); 0 = leave it at SCHED_OTHER.</param>
    public TelemetryThread(StatusBlock* status, int periodMs, Action onOrphaned, int fifoPriority = 0)
    {
        _fifoPriority = fifoPriority;
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
        if (_fifoPriority > 0) LinuxRealtime.TrySetFifo(_fifoPriority); // refused: runs on at SCHED_OTHER, as the block thread would
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
