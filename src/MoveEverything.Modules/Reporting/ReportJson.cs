using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Reporting;

/// <summary>
/// The JSON shapes the CLI prints (<c>mev modules scan --json</c>, <c>mev validate --json</c>).
/// Field names are snake_case like module.json; these shapes are a public contract for scripts.
/// </summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Diagnostic(ManifestDiagnostic d) => new()
    {
        ["severity"] = d.Severity.ToString().ToLowerInvariant(),
        ["code"] = d.Code,
        ["message"] = d.Message,
        ["path"] = d.Path,
    };

    public static JsonArray Diagnostics(IEnumerable<ManifestDiagnostic> ds) => new([.. ds.Select(d => (JsonNode)Diagnostic(d))]);

    /// <summary>One record of <c>mev modules scan</c>: path, id, component_type, api_version, diagnostics.</summary>
    public static JsonObject Scanned(ScannedManifest s) => new()
    {
        ["path"] = s.Path,
        ["id"] = s.Result.Manifest?.Id,
        ["component_type"] = s.Result.Manifest?.ComponentType,
        ["api_version"] = s.Result.Manifest?.ApiVersion,
        ["diagnostics"] = Diagnostics(s.Result.Diagnostics),
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);
}
