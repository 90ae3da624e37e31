using System.Text.Json;

namespace MoveEverything.Modules.Manifests;

/// <summary>
/// Typed access to module.json fields with the ecosystem's placement rules: a field may sit at the
/// top level or inside <c>capabilities</c>; the top level wins and a disagreement is reported.
/// A wrongly typed value is reported and treated as absent. Never throws.
/// </summary>
internal sealed class ManifestFieldReader
{
    private readonly JsonElement _root;
    private readonly JsonElement? _caps;
    private readonly List<ManifestDiagnostic> _diagnostics;

    public ManifestFieldReader(JsonElement root, List<ManifestDiagnostic> diagnostics)
    {
        _root = root;
        _diagnostics = diagnostics;
        if (root.TryGetProperty("capabilities", out var caps))
        {
            if (caps.ValueKind == JsonValueKind.Object) _caps = caps;
            else if (caps.ValueKind != JsonValueKind.Null) WrongType("capabilities", "$.capabilities", "an object", caps);
        }
    }

    public List<ManifestDiagnostic> Diagnostics => _diagnostics;

    /// <summary>A top-level field, or null when absent or JSON null.</summary>
    public JsonElement? Top(string name) =>
        _root.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? e : null;

    /// <summary>A field inside capabilities, or null.</summary>
    public JsonElement? InCapabilities(string name) =>
        _caps is { } c && c.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null ? e : null;

    public string? TopString(string name)
    {
        if (Top(name) is not { } e) return null;
        if (e.ValueKind == JsonValueKind.String) return e.GetString();
        WrongType(name, "$." + name, "a string", e);
        return null;
    }

    /// <summary>A boolean from the top level or capabilities; false when absent or wrongly typed.</summary>
    public bool Flag(string name)
    {
        var top = Bool(Top(name), name, "$." + name);
        var nested = Bool(InCapabilities(name), name, "$.capabilities." + name);
        if (top is { } t && nested is { } n && t != n)
            Conflict(name, t.ToString().ToLowerInvariant(), n.ToString().ToLowerInvariant());
        return top ?? nested ?? false;
    }

    /// <summary>An integer from the top level or capabilities; null when absent or wrongly typed.</summary>
    public int? EitherInt(string name)
    {
        var top = Int(Top(name), name, "$." + name);
        var nested = Int(InCapabilities(name), name, "$.capabilities." + name);
        if (top is { } t && nested is { } n && t != n) Conflict(name, t.ToString(), n.ToString());
        return top ?? nested;
    }

    /// <summary>
    /// The element at the top level or in capabilities, of the given kind; with the path it came from.
    /// Both present and different → a field-conflict warning, the top level wins.
    /// </summary>
    public (JsonElement Value, string Path)? Either(string name, JsonValueKind kind, string kindName)
    {
        var top = OfKind(Top(name), name, "$." + name, kind, kindName);
        var nested = OfKind(InCapabilities(name), name, "$.capabilities." + name, kind, kindName);
        if (top is { } t && nested is { } n && t.GetRawText() != n.GetRawText())
            _diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.FieldConflict,
                $"\"{name}\" is given both at the top level and inside \"capabilities\" with different contents; the top-level one is used",
                "$." + name));
        if (top is { } tv) return (tv, "$." + name);
        if (nested is { } nv) return (nv, "$.capabilities." + name);
        return null;
    }

    public JsonElement? TopOfKind(string name, JsonValueKind kind, string kindName) =>
        OfKind(Top(name), name, "$." + name, kind, kindName);

    public void WrongType(string name, string path, string expected, JsonElement actual) =>
        _diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.WrongType,
            $"\"{name}\" should be {expected} but is {Describe(actual)}; it is ignored", path));

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(e.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {e.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private JsonElement? OfKind(JsonElement? e, string name, string path, JsonValueKind kind, string kindName)
    {
        if (e is not { } v) return null;
        if (v.ValueKind == kind) return v;
        WrongType(name, path, kindName, v);
        return null;
    }

    private bool? Bool(JsonElement? e, string name, string path)
    {
        if (e is not { } v) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        WrongType(name, path, "true or false", v);
        return null;
    }

    private int? Int(JsonElement? e, string name, string path)
    {
        if (e is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
        WrongType(name, path, "a whole number", v);
        return null;
    }

    private void Conflict(string name, string top, string nested) =>
        _diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.FieldConflict,
            $"\"{name}\" is {top} at the top level but {nested} inside \"capabilities\"; the top-level value is used",
            "$." + name));
}
