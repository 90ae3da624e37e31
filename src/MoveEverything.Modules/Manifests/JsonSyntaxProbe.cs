using System.Text.Json;

namespace MoveEverything.Modules.Manifests;

/// <summary>
/// Finds the syntax a strict JSON reader (the original's <c>JSON.parse</c>, Go's encoding/json) would
/// refuse but we accept with a warning: comments, trailing commas, duplicate keys. Runs reader passes
/// only; it never builds a document and never throws.
/// </summary>
internal static class JsonSyntaxProbe
{
    /// <summary>
    /// Returns the warnings for <paramref name="utf8"/>, or a single <c>not-json</c> error when even
    /// the lenient reader fails.
    /// </summary>
    public static List<ManifestDiagnostic> Inspect(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var found = new List<ManifestDiagnostic>();
        var lenient = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Allow, AllowTrailingCommas = true, MaxDepth = maxDepth,
        };
        try
        {
            WalkLenient(utf8, lenient, found);
        }
        catch (JsonException e)
        {
            return [NotJson(e)];
        }

        var strict = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false, MaxDepth = maxDepth,
        };
        try
        {
            var reader = new Utf8JsonReader(utf8, strict);
            while (reader.Read()) { }
        }
        catch (JsonException e)
        {
            found.Add(ManifestDiagnostic.Warning(DiagnosticCodes.JsonTrailingComma,
                $"trailing comma near {Where(e)}; strict JSON readers (the original host's JSON.parse) refuse it"));
        }
        return found;
    }

    public static ManifestDiagnostic NotJson(JsonException e) =>
        ManifestDiagnostic.Error(DiagnosticCodes.NotJson, $"not valid JSON at {Where(e)}: {FirstSentence(e.Message)}");

    private static void WalkLenient(ReadOnlySpan<byte> utf8, JsonReaderOptions options, List<ManifestDiagnostic> found)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var keys = new Stack<HashSet<string>>();
        var path = new Stack<string>();
        string? pendingName = null;
        var commentReported = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Comment when !commentReported:
                    commentReported = true;
                    found.Add(ManifestDiagnostic.Warning(DiagnosticCodes.JsonComment,
                        $"comment at byte {reader.TokenStartIndex}; JSON has no comments and strict readers refuse them"));
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    path.Push(pendingName ?? "[]");
                    pendingName = null;
                    keys.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : []);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    keys.Pop();
                    path.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!keys.Peek().Add(name))
                        found.Add(ManifestDiagnostic.Warning(DiagnosticCodes.DuplicateKey,
                            $"key \"{name}\" appears twice in one object; the last value is used", JsonPath(path, name)));
                    pendingName = name;
                    break;
                default:
                    pendingName = null;
                    break;
            }
        }
    }

    private static string JsonPath(Stack<string> path, string name)
    {
        var segments = path.Reverse().Skip(1).Append(name);
        return "$" + string.Concat(segments.Select(s => s == "[]" ? "[]" : "." + s));
    }

    private static string Where(JsonException e) =>
        e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "an unknown position";

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
