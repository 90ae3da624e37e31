using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Discovery;

/// <summary>
/// One module folder found by discovery (or one virtual module expanded from a pack).
/// Invariant: <see cref="Manifest"/> is non-null and its id is unique within
/// <see cref="DiscoveryResult.Modules"/>; broken folders go to <see cref="DiscoveryResult.Unreadable"/>.
/// </summary>
public sealed record DiscoveredModule(
    Manifest Manifest,
    string Folder,
    ModuleSource Source,
    IReadOnlyList<ManifestDiagnostic> Diagnostics)
{
    public string Id => Manifest.Id;

    /// <summary>Why the module is not listed (hidden by its manifest, a missing required path,
    /// replaced by its packs); null when it is listed.</summary>
    public string? HiddenReason { get; init; }
    public bool IsHidden => HiddenReason is not null;

    /// <summary>For a virtual module expanded from <c>scan_packs</c>: the pack folder; else null.</summary>
    public string? PackFolder { get; init; }
    public bool IsPack => PackFolder is not null;

    /// <summary>True when the manifest had no error: the module may be offered for loading (subject to compatibility).</summary>
    public bool IsLoadable => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);

    public string ManifestPath => Path.Combine(Folder, "module.json");
}
