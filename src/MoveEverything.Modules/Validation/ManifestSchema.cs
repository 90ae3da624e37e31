using System.Text.Json;
using Json.Schema;

namespace MoveEverything.Modules.Validation;

/// <summary>
/// Checks a module.json against schema/module.schema.json (JSON Schema draft 2020-12, embedded in
/// this assembly) with JsonSchema.Net. Schema violations are advice for authors; whether a module
/// loads is decided by the parser and the compatibility policy, which are stricter where it matters.
/// </summary>
public static class ManifestSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    /// <summary>The schema text as shipped.</summary>
    public static string Text { get; } = ReadEmbedded();

    /// <summary>Violations of the schema, in document order; empty when valid. Never throws.</summary>
    public static IReadOnlyList<SchemaViolation> Check(JsonElement manifest)
    {
        var results = Schema.Value.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var violations = new List<SchemaViolation>();
        foreach (var detail in results.Details ?? [])
        {
            // Failures inside "not" are the expected outcome of a passing "not"; never report them.
            if (detail.IsValid || detail.Errors is null || detail.EvaluationPath.ToString().Contains("/not")) continue;
            foreach (var (_, message) in detail.Errors)
                violations.Add(new SchemaViolation(ToJsonPath(detail.InstanceLocation.ToString()), message));
        }
        return violations.Distinct().ToList();
    }

    /// <summary>Parses <paramref name="utf8"/> leniently (comments, trailing commas) and checks it; null when it is not JSON.</summary>
    public static IReadOnlyList<SchemaViolation>? Check(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        try
        {
            using var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
            });
            return Check(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>"/capabilities/midi_in" → "$.capabilities.midi_in"; "/a/0" → "$.a[0]".</summary>
    private static string ToJsonPath(string pointer)
    {
        if (pointer is "" or "/" or "#") return "$";
        var parts = pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Replace("~1", "/").Replace("~0", "~"));
        return "$" + string.Concat(parts.Select(p => p.All(char.IsAsciiDigit) ? $"[{p}]" : "." + p));
    }

    private static JsonSchema Load() =>
        JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static string ReadEmbedded()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream("module.schema.json")
            ?? throw new InvalidOperationException("module.schema.json is not embedded in MoveEverything.Modules");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
