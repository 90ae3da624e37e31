namespace MoveEverything.Modules.Discovery;

/// <summary>Where a discovered module came from.</summary>
public enum ModuleSource
{
    /// <summary>Shipped with the host (the built-in modules root); scanned first, so never shadowed.</summary>
    Builtin,
    /// <summary>Installed by the user under the modules root or a category folder.</summary>
    User,
}
