namespace MoveEverything.Modules.Manifests;

/// <summary>The <c>tool_config</c> object of a tool module (schwung-spec §1.2).</summary>
public sealed record ToolConfig
{
    public bool Interactive { get; init; }
    public bool SkipFileBrowser { get; init; }
    public IReadOnlyList<string> InputExtensions { get; init; } = [];
    public bool AllowNewFile { get; init; }
    /// <summary>Shell command the original runs for a non-interactive tool (null in several manifests).</summary>
    public string? Command { get; init; }
    /// <summary>Whether the tool runs in overtake mode (default false).</summary>
    public bool Overtake { get; init; }
    /// <summary>The whole object as JSON text, for fields not modelled here.</summary>
    public string RawJson { get; init; } = "{}";
}
