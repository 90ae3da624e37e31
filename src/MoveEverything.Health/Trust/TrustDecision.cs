namespace MoveEverything.Health.Trust;

/// <summary>
/// Whether a module is trusted (may run in the engine process when the isolation mode is "untrusted"), which rule
/// decided, and a sentence a musician can read ("on probation: 3 of 20 clean loads").
/// </summary>
public sealed record TrustDecision(bool Trusted, TrustBasis Basis, string Reason)
{
    /// <summary>Nothing is known about the module (no trust records available): untrusted, fail closed.</summary>
    public static TrustDecision Unknown { get; } = new(false, TrustBasis.Probation, "no record available: treated as new");
}
