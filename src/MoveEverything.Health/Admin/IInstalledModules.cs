namespace MoveEverything.Health.Admin;

/// <summary>The installed modules, as discovery sees them; an empty twin when no discovery is available.</summary>
public interface IInstalledModules
{
    IReadOnlyList<InstalledModule> All { get; }

    /// <summary>Whether <paramref name="capability"/> is a capability name the host knows at all; null when the
    /// host has no list (then only "declared by the module" is checked).</summary>
    Func<string, bool>? IsKnownCapability { get; }
}
