using System.Text.Json;

namespace MoveEverything.Modules.Manifests;

/// <summary>
/// Parses module.json with System.Text.Json, tolerant of what the real ecosystem writes.
/// Invariant: <see cref="Parse(string, ManifestParserOptions?)"/> and
/// <see cref="Parse(ReadOnlyMemory{byte}, ManifestParserOptions?)"/> never throw; every problem
/// becomes a <see cref="ManifestDiagnostic"/>.
/// </summary>
public static class ManifestParser
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static ManifestParseResult Parse(string path, ManifestParserOptions? options = null)
    {
        options ??= ManifestParserOptions.Default;
        byte[] bytes;
        try
        {
            // One open + fstat instead of stat + open: discovery reads thousands of these.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (length > options.MaxSizeBytes)
                return Fail(path, DiagnosticCodes.FileTooLarge,
                    $"the file is {length} bytes; manifests over {options.MaxSizeBytes} bytes are refused unread");
            bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (n <= 0) break;
                read += n;
            }
            if (read < bytes.Length) bytes = bytes[..read];
        }
        catch (FileNotFoundException)
        {
            return Fail(path, DiagnosticCodes.FileUnreadable, $"no file at {path}");
        }
        catch (DirectoryNotFoundException)
        {
            return Fail(path, DiagnosticCodes.FileUnreadable, $"no file at {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException)
        {
            return Fail(path, DiagnosticCodes.FileUnreadable, $"cannot read {path}: {e.Message}");
        }
        return Parse(bytes, options) with { SourcePath = path };
    }

    /// <summary>Parses manifest bytes (UTF-8, optional BOM).</summary>
    public static ManifestParseResult Parse(ReadOnlyMemory<byte> utf8, ManifestParserOptions? options = null)
    {
        options ??= ManifestParserOptions.Default;
        var diagnostics = new List<ManifestDiagnostic>();
        if (utf8.Length > options.MaxSizeBytes)
            return Fail(null, DiagnosticCodes.FileTooLarge,
                $"the manifest is {utf8.Length} bytes; manifests over {options.MaxSizeBytes} bytes are refused unread");
        if (utf8.Length > options.LegacySizeLimitBytes)
            diagnostics.Add(ManifestDiagnostic.Warning(DiagnosticCodes.OverLegacySizeLimit,
                $"the manifest is {utf8.Length} bytes; the original C host refuses files over {options.LegacySizeLimitBytes} bytes"));
        if (utf8.Span.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
            diagnostics.Add(ManifestDiagnostic.Info(DiagnosticCodes.ByteOrderMark, "the file starts with a UTF-8 byte order mark"));
        }

        using var doc = ParseDocument(utf8, options, diagnostics);
        if (doc is null) return new ManifestParseResult(null, diagnostics);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Add(ManifestDiagnostic.Error(DiagnosticCodes.NotAnObject,
                $"a manifest must be a JSON object, this is {ManifestFieldReader.Describe(doc.RootElement)}"));
            return new ManifestParseResult(null, diagnostics);
        }
        var manifest = ManifestMapper.Map(new ManifestFieldReader(doc.RootElement, diagnostics));
        return new ManifestParseResult(manifest, diagnostics);
    }

    /// <summary>
    /// Strict parse first (the common case: one pass); only when that fails, the syntax probe finds
    /// comments / trailing commas to warn about, and a lenient parse reads the file anyway.
    /// Returns null (with a not-json error added) when even the lenient parse fails.
    /// </summary>
    private static JsonDocument? ParseDocument(ReadOnlyMemory<byte> utf8, ManifestParserOptions options, List<ManifestDiagnostic> diagnostics)
    {
        try
        {
            var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = options.MaxDepth,
            });
            DuplicateKeyCheck.Run(doc.RootElement, diagnostics);
            return doc;
        }
        catch (JsonException)
        {
            // fall through to the lenient path
        }
        var syntax = JsonSyntaxProbe.Inspect(utf8.Span, options.MaxDepth);
        diagnostics.AddRange(syntax);
        if (syntax.Any(d => d.Code == DiagnosticCodes.NotJson)) return null;
        try
        {
            return JsonDocument.Parse(utf8, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = options.MaxDepth,
            });
        }
        catch (JsonException e)
        {
            diagnostics.Add(JsonSyntaxProbe.NotJson(e));
            return null;
        }
    }

    /// <summary>Parses manifest text.</summary>
    public static ManifestParseResult ParseText(string json, ManifestParserOptions? options = null) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), options);

    private static ManifestParseResult Fail(string? path, string code, string message) =>
        new(null, [ManifestDiagnostic.Error(code, message)]) { SourcePath = path };
}
