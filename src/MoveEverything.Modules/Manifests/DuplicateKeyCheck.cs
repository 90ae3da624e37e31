using System.Text.Json;

namespace MoveEverything.Modules.Manifests;

/// <summary>
/// Reports keys that appear twice in one object (JSON allows it, readers disagree on which value
/// wins). Runs over a parsed document. The JSON path of a duplicate is built only when one is
/// found, and small objects are checked without a hash set, so the common case allocates little.
/// </summary>
internal static class DuplicateKeyCheck
{
    /// <summary>Objects with at most this many keys are checked pairwise instead of with a hash set.</summary>
    private const int PairwiseLimit = 12;

    public static void Run(JsonElement root, List<ManifestDiagnostic> diagnostics) => Visit(root, null, diagnostics);

    /// <summary>A path segment chain, built into a string only for a diagnostic.</summary>
    private sealed record Segment(Segment? Parent, string Name)
    {
        public override string ToString() => Parent is null ? "$" + Name : Parent + Name;
    }

    private static void Visit(JsonElement e, Segment? path, List<ManifestDiagnostic> diagnostics)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Visit(item, new Segment(path, "[]"), diagnostics);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        var count = 0;
        foreach (var _ in e.EnumerateObject()) count++;
        if (count > 1) FindDuplicates(e, count, path, diagnostics);
        foreach (var p in e.EnumerateObject())
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                Visit(p.Value, new Segment(path, "." + p.Name), diagnostics);
    }

    private static void FindDuplicates(JsonElement obj, int count, Segment? path, List<ManifestDiagnostic> diagnostics)
    {
        var names = new string[count];
        var i = 0;
        foreach (var p in obj.EnumerateObject()) names[i++] = p.Name;
        HashSet<string>? seen = count > PairwiseLimit ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (i = 0; i < count; i++)
        {
            var duplicate = seen is not null ? !seen.Add(names[i]) : Array.IndexOf(names, names[i], 0, i) >= 0;
            if (duplicate)
                diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.DuplicateKey,
                    $"key \"{names[i]}\" appears twice in one object; the last value is used", new Segment(path, "." + names[i]).ToString()));
        }
    }
}
