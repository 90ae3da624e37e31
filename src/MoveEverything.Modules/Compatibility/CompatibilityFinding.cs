namespace MoveEverything.Modules.Compatibility;

/// <summary>One reason in a verdict, with a sentence a musician can read on the display or in the CLI.</summary>
public sealed record CompatibilityFinding(CompatibilityReason Reason, string Message)
{
    public FindingSeverity Severity => CompatibilityReasons.SeverityOf(Reason);
    public string Code => CompatibilityReasons.CodeOf(Reason);
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
