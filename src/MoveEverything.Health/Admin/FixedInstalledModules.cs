namespace MoveEverything.Health.Admin;

/// <summary>A fixed list of installed modules (tests, or a host with no discovery wired).</summary>
public sealed class FixedInstalledModules(IReadOnlyList<InstalledModule> modules, Func<string, bool>? isKnownCapability = null)
    : IInstalledModules
{
    public static FixedInstalledModules None { get; } = new([]);
    public IReadOnlyList<InstalledModule> All { get; } = modules;
    public Func<string, bool>? IsKnownCapability { get; } = isKnownCapability;
}
