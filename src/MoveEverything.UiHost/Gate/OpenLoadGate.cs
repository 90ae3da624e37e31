using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Menu;

namespace MoveEverything.UiHost.Gate;

/// <summary>
/// A gate that lets every module start with no unsafe capability granted (fail closed on powers, open on
/// loading): for tests of the menu and sessions that are not about the gate.
/// </summary>
public sealed class OpenLoadGate : IModuleLoadGate
{
    public static OpenLoadGate Instance { get; } = new();

    public UiSafeMode SafeMode => UiSafeMode.Normal;
    public bool IsBuiltIn(CatalogEntry entry) => false;
    public bool IsOffered(CatalogEntry entry) => true;
    public LoadVerdict Check(CatalogEntry entry) => new LoadVerdict.Allowed(CapabilitySet.Empty, "no gate");
    public string? Allow(CatalogEntry entry, CapabilitySet capabilities) => "consent is not stored by this gate";
    public string SetEnabled(string moduleId, bool enabled) => "nothing to change";
}
