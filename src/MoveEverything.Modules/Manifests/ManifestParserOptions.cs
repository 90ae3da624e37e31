namespace MoveEverything.Modules.Manifests;

/// <summary>Limits of <see cref="ManifestParser"/>. One place for each; defaults suit the real ecosystem.</summary>
public sealed record ManifestParserOptions
{
    /// <summary>Size above which a warning says the C original would reject the file. Default 8192 bytes (its cap).</summary>
    public int LegacySizeLimitBytes { get; init; } = 8192;

    /// <summary>Hard cap: larger files are refused unread with an error. Default 1 MiB (the corpus' largest is 23 KB).</summary>
    public int MaxSizeBytes { get; init; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted. Default 64 (System.Text.Json's own default).</summary>
    public int MaxDepth { get; init; } = 64;

    public static ManifestParserOptions Default { get; } = new();
}
