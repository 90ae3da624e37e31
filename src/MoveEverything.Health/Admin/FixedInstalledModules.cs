using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Health.Admin;

/// <summary>A fixed list of installed modules: from one discovery pass, or given by a test.</summary>
public sealed class FixedInstalledModules(IReadOnlyList<InstalledModule> modules, bool isAuthoritative = true) : IInstalledModules
{
    /// <summary>No discovery available (nothing is known to be installed or not).</summary>
    public static FixedInstalledModules None { get; } = new([], isAuthoritative: false);

    public IReadOnlyList<InstalledModule> All { get; } = modules;
    public bool IsAuthoritative { get; } = isAuthoritative;

    /// <summary>
    /// Every module a discovery pass found (hidden ones included: they are installed), each judged against this host,
    /// plus each unreadable folder under its folder name unless a readable module already has that id.
    /// </summary>
    public static FixedInstalledModules From(DiscoveryResult result)
    {
        var modules = result.Modules.Select(m => InstalledModule.From(m)).ToList();
        var ids = modules.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var unreadable in result.Unreadable)
            if (ModuleIds.IsSafe(unreadable.FolderName) && ids.Add(unreadable.FolderName))
                modules.Add(InstalledModule.From(unreadable));
        return new(modules);
    }
}
