using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Validation;

/// <summary>What <see cref="ModuleValidator"/> validates against.</summary>
public sealed record ValidationOptions
{
    public HostIdentity Host { get; init; } = HostIdentity.Current;
    public CompatibilityPolicy Policy { get; init; } = CompatibilityPolicy.Current;
    public ManifestParserOptions Parser { get; init; } = ManifestParserOptions.Default;

    /// <summary>Check the manifest only: no dsp.so probe (for manifests without their module files, e.g. the corpus). Default false.</summary>
    public bool ManifestOnly { get; init; }
}
