namespace MoveEverything.Health.Trust;

/// <summary>
/// Where a module's native DSP runs under the engine's default isolation mode ("untrusted": isolated unless the load
/// is flagged Trusted) and why: the <see cref="TrustPolicy"/> verdict as `mev modules list` shows it.
/// </summary>
/// <param name="Isolation">"in_process" (trusted) or "isolated" (untrusted: its own DSP worker process).</param>
public sealed record ModulePlacement(string Isolation, bool Trusted, TrustBasis Basis, string Reason)
{
    public const string InProcess = "in_process", Isolated = "isolated";

    public static ModulePlacement From(TrustDecision decision) =>
        new(decision.Trusted ? InProcess : Isolated, decision.Trusted, decision.Basis, decision.Reason);

    /// <summary>The basis as JSON spells it: snake_case ("faulted_since_update").</summary>
    public string BasisJson => string.Concat(Basis.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
