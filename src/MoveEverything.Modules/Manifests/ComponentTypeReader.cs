using System.Text.Json;

namespace MoveEverything.Modules.Manifests;

/// <summary>
/// Reads <c>component_type</c> from the top level or <c>capabilities.component_type</c>
/// (the original's shadow UI reads both; tools/overtakes tend to use the top level, chain kinds
/// the capabilities object). Both equal → fine; both different → warning, the top level wins;
/// neither → warning, kind Other; unknown value → warning, kind Other.
/// </summary>
internal static class ComponentTypeReader
{
    public static (string? Text, ComponentKind Kind) Read(ManifestFieldReader r)
    {
        var top = StringAt(r, r.Top("component_type"), "$.component_type");
        var nested = StringAt(r, r.InCapabilities("component_type"), "$.capabilities.component_type");
        if (top is not null && nested is not null && top != nested)
            r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.ComponentTypeConflict,
                $"component_type is \"{top}\" at the top level but \"{nested}\" inside capabilities; \"{top}\" is used",
                "$.component_type"));
        var text = top ?? nested;
        if (text is null)
        {
            r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.ComponentTypeMissing,
                "no component_type (top level or in capabilities); the module is listed under \"other\"", "$.component_type"));
            return (null, ComponentKind.Other);
        }
        if (!ComponentKinds.TryParse(text, out var kind))
            r.Diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.ComponentTypeUnknown,
                $"component_type \"{text}\" is not one of {string.Join(", ", ComponentKinds.KnownNames)}; the module is listed under \"other\"",
                top is not null ? "$.component_type" : "$.capabilities.component_type"));
        return (text, kind);
    }

    private static string? StringAt(ManifestFieldReader r, JsonElement? e, string path)
    {
        if (e is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(v.GetString())) return v.GetString();
        r.WrongType("component_type", path, "a non-empty string", v);
        return null;
    }
}
