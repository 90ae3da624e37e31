namespace MoveEverything.Engine.Process;

/// <summary>Every limit and policy of the engine process in one place (defaults suit a Move and the simulator).</summary>
public sealed record EngineOptions
{
    /// <summary>SCHED_FIFO priority of the block thread (1–99). Default 80 (below the SPI driver's 90/91).</summary>
    public int SchedPriority { get; init; } = 80;

    /// <summary>Ask for SCHED_FIFO and mlockall at all. Default true; when refused the engine runs on with a status flag.</summary>
    public bool Realtime { get; init; } = true;

    /// <summary>Commands applied per block at most; the rest wait in the ring for the next block. Default 32.</summary>
    public int CommandsPerBlock { get; init; } = 32;

    /// <summary>MIDI OUT packets written per block (the mailbox has 20 slots). Default 20.</summary>
    public int MidiOutPerBlock { get; init; } = 20;

    /// <summary>MIDI OUT packets queued beyond one block's budget (power of two); overflow is dropped and counted. Default 512.</summary>
    public int MidiOutQueueCapacity { get; init; } = 512;

    /// <summary>Load/unload requests waiting for the control thread (power of two). Default 16.</summary>
    public int ControlQueueCapacity { get; init; } = 16;

    /// <summary>Blocks after start before the engine declares steady state (no allocation from then on). Default 500 (≈ 1.5 s).</summary>
    public int WarmupBlocks { get; init; } = 500;

    /// <summary>Period of the telemetry thread that copies GC figures into the status block, in ms. Default 50.</summary>
    public int TelemetryPeriodMs { get; init; } = 50;

    /// <summary>Poll period of the control thread when idle, in ms. Default 2.</summary>
    public int ControlPollMs { get; init; } = 2;

    /// <summary>Without a UI host, load the built-in synth into slot 1 and route pads to it. Default true.</summary>
    public bool Demo { get; init; } = true;

    /// <summary>Slot index (0-based) of the demo synth and of pad routing before any Track button. Default 0 (= slot 1).</summary>
    public int DemoSlot { get; init; }

    /// <summary>Output gain applied to each slot before summing, for headroom with 4 slots at full scale. Default 0.5 (−6 dB).</summary>
    public float SlotGain { get; init; } = 0.5f;

    /// <summary>
    /// Which native (.so) generators and audio FX load into a DSP worker process (<c>--isolate</c>). Default
    /// <see cref="MoveEverything.Engine.Isolation.IsolationMode.Untrusted"/>: a module runs in-process only when its load
    /// carries <see cref="Ipc.LoadFlags.Trusted"/>, which the Health layer sets for a module with a clean record past
    /// probation and no unsafe native capability. It used to be None while no per-module trust reached the engine (every
    /// module would have counted as new); now the trust travels with each load, and a load that says nothing is
    /// isolated — fail closed: a crash then silences one slot instead of restarting the whole engine.
    /// </summary>
    public MoveEverything.Engine.Isolation.IsolationMode Isolation { get; init; } = MoveEverything.Engine.Isolation.IsolationMode.Untrusted;
}
