namespace MoveEverything.UiHost;

/// <summary>Every limit and rate of the UI host process, each with its default and unit.</summary>
public sealed record UiHostOptions
{
    /// <summary>
    /// UI loop rate in Hz. Default 60: the original's shadow UI loop sleeps 16 ms per iteration (≈ ≤ 60 Hz,
    /// schwung-spec.md §3.4). Encoder deltas are batched per tick, so this is also the delta delivery rate.
    /// </summary>
    public int TickHz { get; init; } = 60;

    public TimeSpan TickInterval => TimeSpan.FromSeconds(1.0 / TickHz);

    /// <summary>Budgets for calls into module scripts.</summary>
    public ScriptBudgets Script { get; init; } = new();

    /// <summary>
    /// Ticks the overtake module's init() is deferred while LEDs are cleared. Default 30 (half a second at 60 Hz),
    /// the original's OVERTAKE_INIT_DELAY_TICKS.
    /// </summary>
    public int OvertakeInitDelayTicks { get; init; } = 30;

    /// <summary>LED messages sent per tick while clearing on overtake entry. Default 20, as the original's clearLedBatch.</summary>
    public int LedClearPerTick { get; init; } = 20;

    /// <summary>How long a fault toast stays on the menu, in ticks. Default 180 (3 s at 60 Hz).</summary>
    public int ToastTicks { get; init; } = 180;

    /// <summary>
    /// The display frame is pushed when dirty, and at least every this many ticks anyway. Default 30,
    /// the original's refresh-every-30-iterations.
    /// </summary>
    public int ForcedFrameEveryTicks { get; init; } = 30;

    /// <summary>Largest file host_read_file returns, in bytes. Default 4 MB, as the original.</summary>
    public int MaxReadFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Stack of the thread running scripts, in bytes. Default 64 MB so the recursion limit trips first.</summary>
    public int ScriptThreadStackBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// How often the UI host checks that the supervisor that started it is still its parent. Default 500 ms: an
    /// orphaned UI host (mev killed by SIGKILL) leaves its module cleanly and exits within about this time.
    /// </summary>
    public TimeSpan SupervisorCheckInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Timeout of one host_module_get_param round trip over the control channel. Default 100 ms, as the original.</summary>
    public TimeSpan ParamGetTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Most packets one move_midi_inject_to_move call may inject; a call with more is refused whole (nothing sent).
    /// Default 64, the capacity of the original's /schwung-midi-inject ring (256 bytes of 4-byte packets).
    /// </summary>
    public int InjectPacketsPerCall { get; init; } = 64;

    /// <summary>How long loading or unloading a DSP may take before the engine is reported as not answering. Default 2 s.</summary>
    public TimeSpan DspLoadTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Ticks between two reads of the engine's module status (worker faults, overruns). Default 6 (10 times a second
    /// at 60 Hz): a faulted slot is reported within 0.1 s, and reading 40 status entries costs microseconds.
    /// </summary>
    public int EngineStatusPollTicks { get; init; } = 6;

    /// <summary>
    /// Clean run time of a loaded DSP is written to its trust record at least this often, so kill -9 of the UI host
    /// loses at most this much of it. Default 10 minutes (one small atomic write per loaded module).
    /// </summary>
    public TimeSpan TrustCheckpoint { get; init; } = TimeSpan.FromMinutes(10);
}
