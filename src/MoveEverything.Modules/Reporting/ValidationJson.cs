using System.Text.Json.Nodes;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Validation;

namespace MoveEverything.Modules.Reporting;

/// <summary>The JSON shape of <c>mev validate --json</c> (snake_case; a contract for scripts and CI).</summary>
public static class ValidationJson
{
    public static JsonObject Document(IReadOnlyList<ValidationReport> reports, HostIdentity host) => new()
    {
        ["host"] = new JsonObject
        {
            ["version"] = host.Version?.Text,
            ["host_api_version"] = host.HostApiVersion,
            ["cpu"] = host.Cpu.ToString(),
        },
        ["would_load"] = reports.Count > 0 && reports.All(r => r.WouldLoad),
        ["modules"] = new JsonArray([.. reports.Select(r => (JsonNode)Report(r))]),
    };

    public static JsonObject Report(ValidationReport r) => new()
    {
        ["path"] = r.ManifestPath,
        ["id"] = r.Manifest?.Id,
        ["version"] = r.Manifest?.Version,
        ["component_type"] = r.Manifest?.ComponentType,
        ["api_version"] = r.Manifest?.ApiVersion,
        ["would_load"] = r.WouldLoad,
        ["verdict"] = new JsonArray([.. r.Verdict.Findings.Select(f => (JsonNode)Finding(f))]),
        ["diagnostics"] = ReportJson.Diagnostics(r.Parse.Diagnostics),
        ["schema"] = r.Schema is null ? null : new JsonArray([.. r.Schema.Select(v => (JsonNode)new JsonObject { ["path"] = v.Path, ["message"] = v.Message })]),
        ["unsafe_capabilities"] = r.Capabilities is { } c ? Capabilities(c) : null,
        ["dsp"] = r.Native is { } n ? Native(n) : null,
    };

    private static JsonObject Finding(CompatibilityFinding f) => new()
    {
        ["severity"] = f.Severity.ToString().ToLowerInvariant(),
        ["code"] = f.Code,
        ["message"] = f.Message,
    };

    private static JsonObject Capabilities(CapabilityResolution c) => new()
    {
        ["required"] = new JsonArray([.. c.Sources.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = UnsafeCapabilities.NameOf(s.Capability),
            ["declared_as"] = s.DeclaredAs,
            ["title"] = UnsafeCapabilities.Info(s.Capability).Title,
        })]),
        ["unknown"] = new JsonArray([.. c.Unknown.Select(u => (JsonNode)JsonValue.Create(u.Message))]),
    };

    private static JsonObject Native(NativeLibraryProbe n) => new()
    {
        ["path"] = n.Path,
        ["exists"] = n.Exists,
        ["error"] = n.Elf?.Error?.Message,
        ["error_kind"] = n.Elf?.Error?.Kind.ToString(),
        ["machine"] = n.Elf?.Info?.MachineName,
        ["cpu"] = n.Elf?.Info?.Cpu.ToString(),
        ["entry_points"] = n.Elf?.Info is { } info
            ? new JsonArray([.. PluginEntryPoints.All.Where(info.Exports).Select(e => (JsonNode)JsonValue.Create(e))])
            : null,
        ["exported_symbol_count"] = n.Elf?.Info?.ExportedSymbols.Count,
    };
}
