namespace MoveEverything.Modules.Manifests;

/// <summary>
/// One finding about a manifest, readable by a module author without looking at our code.
/// </summary>
/// <param name="Severity">Info, warning or error (error = the module must not load).</param>
/// <param name="Code">Stable kebab-case code from <see cref="DiagnosticCodes"/>; tests and tables compare these.</param>
/// <param name="Message">Human-readable sentence naming the field and what is wrong.</param>
/// <param name="Path">Where: a JSON path inside the manifest (<c>$.capabilities.component_type</c>)
/// or, for discovery findings, a file-system path. Null when the whole file is meant.</param>
public sealed record ManifestDiagnostic(DiagnosticSeverity Severity, string Code, string Message, string? Path = null)
{
    public static ManifestDiagnostic Info(string code, string message, string? path = null) =>
        new(DiagnosticSeverity.Info, code, message, path);

    public static ManifestDiagnostic Warning(string code, string message, string? path = null) =>
        new(DiagnosticSeverity.Warning, code, message, path);

    public static ManifestDiagnostic Error(string code, string message, string? path = null) =>
        new(DiagnosticSeverity.Error, code, message, path);

    public override string ToString() =>
        Path is null ? $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}"
                     : $"{Severity.ToString().ToLowerInvariant()} {Code} at {Path}: {Message}";
}
