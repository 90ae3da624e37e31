using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Validation;

/// <summary>Everything <c>mev validate</c> says about one module folder.</summary>
/// <param name="ManifestPath">The module.json checked.</param>
/// <param name="Parse">Parser result (manifest and diagnostics).</param>
/// <param name="Schema">Schema violations (advice; null when the file is not JSON).</param>
/// <param name="Verdict">Compatibility verdict against the host and policy.</param>
/// <param name="Capabilities">Unsafe capabilities needed (null without a manifest).</param>
/// <param name="Native">The dsp.so probe; null for a JS-only module or a manifest-only check.</param>
public sealed record ValidationReport(
    string ManifestPath,
    ManifestParseResult Parse,
    IReadOnlyList<SchemaViolation>? Schema,
    CompatibilityVerdict Verdict,
    CapabilityResolution? Capabilities,
    NativeLibraryProbe? Native)
{
    /// <summary>True exactly when the host would load the module (consent for unsafe capabilities is asked at load, not here).</summary>
    public bool WouldLoad => Verdict.MayLoad;

    public Manifest? Manifest => Parse.Manifest;
}
