namespace MoveEverything.Health.States;

/// <summary>
/// A module's state together with the sentence a user reads on the display, in the menu and in
/// <c>mev modules list</c>. <see cref="LastFault"/> is the most recent crash fingerprint, when there is one.
/// </summary>
public sealed record ModuleStatus(
    string ModuleId,
    ModuleState State,
    string Reason,
    DateTimeOffset Since,
    CrashFingerprint? LastFault = null)
{
    /// <summary>True for the states a module leaves only when the user acts (re-enable, consent, update).</summary>
    public bool NeedsUser => State is ModuleState.DisabledByUser or ModuleState.DisabledByPolicy
        or ModuleState.AwaitingConsent or ModuleState.Refused;
}
