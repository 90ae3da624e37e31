using MoveEverything.Health.Trust;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.UiHost.Gate;

/// <summary>
/// The load-time answer for one module: start it with exactly <see cref="Allowed.Granted"/>, refuse it with a
/// reason a musician can read, or ask for consent to <see cref="NeedsConsent.Missing"/>. Fail closed: anything
/// but <see cref="Allowed"/> means no module code runs.
/// </summary>
public abstract record LoadVerdict(string Reason)
{
    /// <summary>
    /// May start; the host API exposes <paramref name="Granted"/> and nothing else unsafe. <paramref name="Trust"/> is
    /// the Health layer's trust verdict for its DSP load (null: unknown, sent as untrusted).
    /// </summary>
    public sealed record Allowed(CapabilitySet Granted, string Note, TrustDecision? Trust = null) : LoadVerdict(Note)
    {
        public bool Trusted => Trust?.Trusted ?? false;
    }

    /// <summary>Not started: incompatible, disabled, or off in safe mode. <paramref name="Kind"/> says which.</summary>
    public sealed record Refused(RefusalKind Kind, string Why) : LoadVerdict(Why);

    /// <summary>Not started until the user allows <paramref name="Missing"/> (consent screen or `mev modules allow`).</summary>
    public sealed record NeedsConsent(CapabilitySet Missing, string Why) : LoadVerdict(Why);
}
