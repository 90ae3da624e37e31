namespace MoveEverything.Health.Admin;

/// <summary>The installed modules, as discovery sees them.</summary>
public interface IInstalledModules
{
    IReadOnlyList<InstalledModule> All { get; }

    /// <summary>False when no discovery is available, so "not installed" cannot be told apart from "unknown".</summary>
    bool IsAuthoritative { get; }
}
