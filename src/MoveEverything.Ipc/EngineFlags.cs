namespace MoveEverything.Ipc;

/// <summary>Bits of <see cref="StatusBlock.Flags"/>.</summary>
[Flags]
public enum EngineFlags
{
    None = 0,
    /// <summary>The block thread runs SCHED_FIFO.</summary>
    Realtime = 1,
    /// <summary>mlockall succeeded.</summary>
    MemoryLocked = 2,
    /// <summary>A UI host announced itself.</summary>
    UiAttached = 4,
    /// <summary>The built-in demo routes pads to slot 1.</summary>
    DemoActive = 8,
    /// <summary>Warm-up is over; steady state (no allocation allowed from here on).</summary>
    SteadyState = 16,
    /// <summary>The block thread is running (cleared when it stops).</summary>
    Running = 32,
}
