using System.Text.Json;

namespace MoveEverything.Modules.Manifests;

/// <summary>Reads <c>tool_config</c>; unknown fields stay in <see cref="ToolConfig.RawJson"/>.</summary>
internal static class ToolConfigReader
{
    public static ToolConfig? Read(ManifestFieldReader r)
    {
        if (r.TopOfKind("tool_config", JsonValueKind.Object, "an object") is not { } o) return null;
        return new ToolConfig
        {
            Interactive = Bool(o, "interactive"),
            SkipFileBrowser = Bool(o, "skip_file_browser"),
            AllowNewFile = Bool(o, "allow_new_file"),
            Overtake = Bool(o, "overtake"),
            Command = o.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null,
            InputExtensions = o.TryGetProperty("input_extensions", out var x) && x.ValueKind == JsonValueKind.Array
                ? x.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [],
            RawJson = o.GetRawText(),
        };
    }

    private static bool Bool(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
