namespace MoveEverything.Modules.Manifests;

/// <summary>
/// Outcome of parsing one module.json. <see cref="Manifest"/> is null only when the file is not a
/// JSON object with an id; otherwise it is filled in even when there are error diagnostics, so
/// tools can still show what the file says. A module may load only when <see cref="IsLoadable"/>.
/// </summary>
public sealed record ManifestParseResult(Manifest? Manifest, IReadOnlyList<ManifestDiagnostic> Diagnostics)
{
    /// <summary>File the manifest came from, when parsed from disk.</summary>
    public string? SourcePath { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>True when there is a manifest and no error diagnostic.</summary>
    public bool IsLoadable => Manifest is not null && !HasErrors;
}
