using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Health.Admin;

/// <summary>What administration needs to know about one installed module (from discovery).</summary>
/// <param name="Version">The manifest version; empty for a folder whose module.json cannot be read.</param>
/// <param name="Folder">The folder removing the module deletes (a pack's own folder for a pack); null when unknown.</param>
/// <param name="Refusal">Why the load-time gate would refuse it (compatibility or an unknown capability); null = it may load.</param>
public sealed record InstalledModule(string Id, string Version, CapabilitySet UnsafeCapabilities, bool IsBuiltIn, string? Folder = null,
    LoadRefusal? Refusal = null)
{
    /// <summary>
    /// From a discovered module: capabilities as <see cref="CapabilityResolver"/> resolves them (names plus legacy flags),
    /// and the refusal the UI host's load gate would give, judged the same way (<see cref="CompatibilityChecker"/> against
    /// <paramref name="host"/> and <paramref name="policy"/>, default this host; a dsp.so present is read, an absent one
    /// is left to the engine; then unknown capability names).
    /// </summary>
    public static InstalledModule From(DiscoveredModule module, HostIdentity? host = null, CompatibilityPolicy? policy = null)
    {
        var resolution = CapabilityResolver.Resolve(module.Manifest);
        return new(module.Id, module.Manifest.Version, resolution.Required, module.Source == ModuleSource.Builtin,
            module.PackFolder ?? module.Folder, RefusalOf(module, resolution, host ?? HostIdentity.Current, policy ?? CompatibilityPolicy.Current));
    }

    /// <summary>
    /// A folder whose module.json gives no manifest, known by its folder name: refused (invalid-manifest), and removable
    /// like any other module (removal must work whatever the verdict).
    /// </summary>
    public static InstalledModule From(UnreadableModule module) =>
        new(module.FolderName, "", CapabilitySet.Empty, module.Source == ModuleSource.Builtin, module.Folder,
            new LoadRefusal(CompatibilityReasons.CodeOf(CompatibilityReason.InvalidManifest), "module.json could not be read: " + module.Reason));

    private static LoadRefusal? RefusalOf(DiscoveredModule module, CapabilityResolution resolution, HostIdentity host, CompatibilityPolicy policy)
    {
        var native = NativeLibraryProbe.ForModule(module.Manifest, module.Folder);
        if (native is { Exists: false }) native = null;
        var verdict = CompatibilityChecker.Evaluate(new ManifestParseResult(module.Manifest, module.Diagnostics), native, host, policy);
        if (verdict.Refusals.FirstOrDefault() is { } refusal) return new LoadRefusal(refusal.Code, refusal.Message);
        return resolution.IsRefused ? new LoadRefusal("unknown-capability", resolution.Unknown[0].Message) : null;
    }
}
