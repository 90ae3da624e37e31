using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Menu;

namespace MoveEverything.UiHost.Gate;

/// <summary>
/// Decides, right before a module is opened or put into a slot, whether it may start and with which unsafe
/// capabilities. Implementations record the outcome as the module's state (Refused / AwaitingConsent).
/// </summary>
public interface IModuleLoadGate
{
    /// <summary>Safe-mode state of this host start (drives the safe-mode screen and what the menu offers).</summary>
    UiSafeMode SafeMode { get; }

    /// <summary>Whether the module ships with the host (under a built-in modules root); a module.json cannot claim it.</summary>
    bool IsBuiltIn(CatalogEntry entry);

    /// <summary>Whether the menu offers the module at all (false for third-party modules in host safe mode).</summary>
    bool IsOffered(CatalogEntry entry);

    LoadVerdict Check(CatalogEntry entry);

    /// <summary>Stores the user's consent to <paramref name="capabilities"/>; returns an error sentence or null.</summary>
    string? Allow(CatalogEntry entry, CapabilitySet capabilities);

    /// <summary>Turns a module back on (safe mode's "enable modules one by one") or off; returns a sentence.</summary>
    string SetEnabled(string moduleId, bool enabled);
}
