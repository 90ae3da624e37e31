using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Consent;

/// <summary>
/// May this module start, and with which unsafe capabilities? <see cref="Granted"/> is what the host API
/// exposes (nothing else); <see cref="Missing"/> is what needs the user's OK; <see cref="Reason"/> is a
/// sentence for the display, the menu and the CLI.
/// </summary>
public sealed record GateDecision(GateVerdict Verdict, CapabilitySet Granted, CapabilitySet Missing, string Reason)
{
    public bool MayStart => Verdict == GateVerdict.Start;
}
