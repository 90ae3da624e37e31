namespace MoveEverything.Modules.Compatibility;

/// <summary>
/// The answer to "may this module load on this host?". Invariant: <see cref="MayLoad"/> is true
/// exactly when no finding is a refusal; there is no verdict without findings being considered
/// (an evaluation that fails yields the EvaluationFailed refusal: fail closed).
/// </summary>
public sealed record CompatibilityVerdict(IReadOnlyList<CompatibilityFinding> Findings)
{
    public bool MayLoad => Findings.All(f => f.Severity != FindingSeverity.Refusal);

    public IEnumerable<CompatibilityFinding> Refusals => Findings.Where(f => f.Severity == FindingSeverity.Refusal);
    public IEnumerable<CompatibilityFinding> Warnings => Findings.Where(f => f.Severity == FindingSeverity.Warning);

    public bool Has(CompatibilityReason reason) => Findings.Any(f => f.Reason == reason);

    /// <summary>One line for a display: "ok", "ok with warnings: …" or the first refusal's message.</summary>
    public string Summary => Refusals.FirstOrDefault() is { } r ? r.Message
        : Warnings.Any() ? "loads with warnings: " + string.Join("; ", Warnings.Select(w => w.Message))
        : "compatible";
}
