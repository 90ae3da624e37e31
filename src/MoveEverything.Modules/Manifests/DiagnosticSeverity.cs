namespace MoveEverything.Modules.Manifests;

/// <summary>How much a <see cref="ManifestDiagnostic"/> matters.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Worth knowing (e.g. a four-part version); changes nothing.</summary>
    Info,
    /// <summary>Accepted, but an author should fix it (comments, conflicting fields, over 8 KB).</summary>
    Warning,
    /// <summary>The module must not load (not JSON, no id, invalid id, wrongly typed api_version).</summary>
    Error,
}
