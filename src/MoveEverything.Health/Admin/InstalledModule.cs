using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Discovery;

namespace MoveEverything.Health.Admin;

/// <summary>What administration needs to know about one installed module (from discovery).</summary>
/// <param name="Folder">The folder removing the module deletes (a pack's own folder for a pack); null when unknown.</param>
public sealed record InstalledModule(string Id, string Version, CapabilitySet UnsafeCapabilities, bool IsBuiltIn, string? Folder = null)
{
    /// <summary>From a discovered module: capabilities as <see cref="CapabilityResolver"/> resolves them (names plus legacy flags).</summary>
    public static InstalledModule From(DiscoveredModule module) =>
        new(module.Id, module.Manifest.Version, CapabilityResolver.Resolve(module.Manifest).Required, module.Source == ModuleSource.Builtin,
            module.PackFolder ?? module.Folder);
}
