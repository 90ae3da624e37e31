using System.Text.Json;

namespace MoveEverything.Modules.Manifests;

/// <summary>
/// Reports keys that appear twice in one object (JSON allows it, readers disagree on which value
/// wins). Runs over a parsed document; allocates only when an object has many keys or a duplicate.
/// </summary>
internal static class DuplicateKeyCheck
{
    public static void Run(JsonElement root, List<ManifestDiagnostic> diagnostics) => Visit(root, "$", diagnostics);

    private static void Visit(JsonElement e, string path, List<ManifestDiagnostic> diagnostics)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Visit(item, path + "[]", diagnostics);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        HashSet<string>? seen = null;
        foreach (var p in e.EnumerateObject())
        {
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(p.Name))
                diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.DuplicateKey,
                    $"key \"{p.Name}\" appears twice in one object; the last value is used", path + "." + p.Name));
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                Visit(p.Value, path + "." + p.Name, diagnostics);
        }
    }
}
