using MoveEverything.Health.Policy;
using MoveEverything.Health.States;

namespace MoveEverything.Health;

/// <summary>
/// What the registry decided about a fault: the status afterwards (Crashed, or DisabledByPolicy), the
/// policy's verdict, and a persist error if the strike could not be written.
/// </summary>
public sealed record FaultReport(ModuleStatus Status, StrikeVerdict Verdict, string? PersistError = null)
{
    /// <summary>True when the host may load the module again.</summary>
    public bool MayRestart => Verdict.Action == StrikeAction.Restart;

    /// <summary>The toast shown on the display, "&lt;name&gt; stopped: &lt;reason&gt;".</summary>
    public string Toast(string displayName) => Verdict.Action switch
    {
        StrikeAction.Restart => $"{displayName} {Verdict.Reason}",
        _ => $"{displayName} stopped: {Verdict.Reason}",
    };
}
