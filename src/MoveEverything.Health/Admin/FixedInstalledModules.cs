using MoveEverything.Modules.Discovery;

namespace MoveEverything.Health.Admin;

/// <summary>A fixed list of installed modules: from one discovery pass, or given by a test.</summary>
public sealed class FixedInstalledModules(IReadOnlyList<InstalledModule> modules, bool isAuthoritative = true) : IInstalledModules
{
    /// <summary>No discovery available (nothing is known to be installed or not).</summary>
    public static FixedInstalledModules None { get; } = new([], isAuthoritative: false);

    public IReadOnlyList<InstalledModule> All { get; } = modules;
    public bool IsAuthoritative { get; } = isAuthoritative;

    /// <summary>Every module a discovery pass found (hidden ones included: they are installed), each judged against this host.</summary>
    public static FixedInstalledModules From(DiscoveryResult result) => new(result.Modules.Select(m => InstalledModule.From(m)).ToList());
}
