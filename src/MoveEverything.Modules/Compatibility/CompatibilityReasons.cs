namespace MoveEverything.Modules.Compatibility;

/// <summary>Severity and stable kebab-case code of each <see cref="CompatibilityReason"/>.</summary>
public static class CompatibilityReasons
{
    public static FindingSeverity SeverityOf(CompatibilityReason reason) => reason switch
    {
        CompatibilityReason.AbiDeprecated or CompatibilityReason.TestedOnlyOnOldHost or CompatibilityReason.AbiMismatch
            => FindingSeverity.Warning,
        CompatibilityReason.NoMinHostVersion or CompatibilityReason.NewerThanTested => FindingSeverity.Note,
        _ => FindingSeverity.Refusal,
    };

    /// <summary>"NeedsNewerHost" → "needs-newer-host".</summary>
    public static string CodeOf(CompatibilityReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
