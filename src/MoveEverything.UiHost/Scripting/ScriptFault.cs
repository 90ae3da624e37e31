namespace MoveEverything.UiHost.Scripting;

/// <summary>
/// Why a call into a module's script failed. Every call into module code returns either success or one
/// of these (never an exception); <see cref="Reason"/> is short enough for the 128×64 toast and the log.
/// </summary>
public abstract record ScriptFault(ScriptPhase Phase)
{
    /// <summary>Human-readable cause, e.g. "threw in tick: TypeError: x is undefined".</summary>
    public abstract string Reason { get; }

    /// <summary>Short form for the display toast.</summary>
    public abstract string ShortReason { get; }

    protected string Where => PhaseName(Phase);

    public static string PhaseName(ScriptPhase phase) => phase switch
    {
        ScriptPhase.Load => "load",
        ScriptPhase.Init => "init",
        ScriptPhase.Tick => "tick",
        ScriptPhase.MidiInternal => "onMidiMessageInternal",
        ScriptPhase.MidiExternal => "onMidiMessageExternal",
        ScriptPhase.Unload => "onUnload",
        _ => phase.ToString(),
    };

    /// <summary>The script does not parse.</summary>
    public sealed record SyntaxError(ScriptPhase Phase, string Message, string? Location) : ScriptFault(Phase)
    {
        public override string Reason => $"syntax error{(Location is null ? "" : $" at {Location}")}: {Message}";
        public override string ShortReason => "syntax error";
    }

    /// <summary>An import could not be resolved, or the resolved module lacks a requested export.</summary>
    public sealed record MissingImport(ScriptPhase Phase, string Specifier, string Detail) : ScriptFault(Phase)
    {
        public override string Reason => $"missing import '{Specifier}': {Detail}";
        public override string ShortReason => "missing import";
    }

    /// <summary>The script threw (a JS exception or a host error surfaced as one).</summary>
    public sealed record Threw(ScriptPhase Phase, string Message, string? Stack) : ScriptFault(Phase)
    {
        public override string Reason => $"threw in {Where}: {Message}";
        public override string ShortReason => $"error in {Where}";
    }

    /// <summary>The call ran longer than its budget (typically an endless loop).</summary>
    public sealed record TimedOut(ScriptPhase Phase, TimeSpan Budget) : ScriptFault(Phase)
    {
        public override string Reason => $"{Where} ran over its {Budget.TotalMilliseconds:0} ms budget";
        public override string ShortReason => $"{Where} too slow";
    }

    /// <summary>The call allocated more than the memory limit.</summary>
    public sealed record MemoryLimit(ScriptPhase Phase, long LimitBytes) : ScriptFault(Phase)
    {
        public override string Reason => $"{Where} allocated over {LimitBytes / (1024 * 1024)} MB";
        public override string ShortReason => "out of memory";
    }

    /// <summary>The call nested deeper than the recursion limit.</summary>
    public sealed record RecursionLimit(ScriptPhase Phase, int MaxDepth) : ScriptFault(Phase)
    {
        public override string Reason => $"{Where} recursed deeper than {MaxDepth} calls";
        public override string ShortReason => "recursion too deep";
    }

    /// <summary>The host stopped the call on purpose (the escape combination). Not the module's fault.</summary>
    public sealed record Cancelled(ScriptPhase Phase) : ScriptFault(Phase)
    {
        public override string Reason => $"{Where} stopped by the host escape";
        public override string ShortReason => "stopped by escape";
    }
}
