using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>What one step of a module session ended with.</summary>
public abstract record SessionStep
{
    public sealed record Continue : SessionStep;

    /// <summary>The module asked to leave, or the user pressed Back/escape; <paramref name="How"/> says which.</summary>
    public sealed record Exit(string How) : SessionStep;

    /// <summary>The module's script failed; the session must be torn down.</summary>
    public sealed record Fault(ScriptFault Cause) : SessionStep;

    /// <summary>The session could not start for a reason outside the script (missing ui.js, DSP refused).</summary>
    public sealed record Refused(string Reason) : SessionStep;

    public static SessionStep Ok { get; } = new Continue();
}
