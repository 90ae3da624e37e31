namespace MoveEverything.UiHost;

/// <summary>
/// Limits for every call into a module's script (issue 4 item 2). One place for these numbers;
/// <see cref="Scripting.ScriptBoundary"/> applies them. A call that breaks one becomes a
/// <see cref="Scripting.ScriptFault"/> and the module is unloaded.
/// </summary>
public sealed record ScriptBudgets
{
    /// <summary>
    /// Evaluating ui.js and its imports (top-level code). Default 5 s: more than init because it includes
    /// parsing every imported file and the interpreter's first-use JIT warm-up on a cold process.
    /// </summary>
    public TimeSpan Load { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>globalThis.init(). Default 2 s: modules read files and build state here.</summary>
    public TimeSpan Init { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>One tick(). Default 50 ms: three frames at 60 Hz; beyond that the UI visibly stalls.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>One onMidiMessageInternal/External call. Default 50 ms.</summary>
    public TimeSpan Midi { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Budget of the FIRST tick and the first MIDI call of a module, instead of <see cref="Tick"/>/<see cref="Midi"/>.
    /// Default 1 s: a first call includes the JIT compiling the interpreter paths that callback uses, which on a
    /// busy machine can exceed 50 ms once without the module being at fault.
    /// </summary>
    public TimeSpan FirstCall { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>globalThis.onUnload(). Default 500 ms; a fault here is logged, the exit proceeds anyway.</summary>
    public TimeSpan Unload { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Bytes one call may allocate (Jint LimitMemory, measured per call). Default 128 MB: the Move has
    /// ~2 GB shared with the stock firmware; a single UI call needing more is a runaway.
    /// </summary>
    public long MemoryBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>
    /// Deepest JS call nesting (Jint LimitRecursion). Default 400: far above what menu code needs and well
    /// inside the script thread's stack (<see cref="UiHostOptions.ScriptThreadStackBytes"/>).
    /// </summary>
    public int MaxRecursionDepth { get; init; } = 400;

    public TimeSpan For(Scripting.ScriptPhase phase) => phase switch
    {
        Scripting.ScriptPhase.Load => Load,
        Scripting.ScriptPhase.Init => Init,
        Scripting.ScriptPhase.Tick => Tick,
        Scripting.ScriptPhase.Unload => Unload,
        _ => Midi,
    };
}
