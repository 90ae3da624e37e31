namespace MoveEverything.UiHost.Session;

/// <summary>What the UI host does with the module's DSP after an <see cref="EngineModuleFault"/>.</summary>
public enum EngineFaultAction
{
    /// <summary>Leave it as the engine has it (bypassed: audio passes through).</summary>
    Keep,
    /// <summary>Load it again (the crash policy allows a restart): a fresh worker whose next fault is seen again.</summary>
    Reload,
    /// <summary>Unload it (the crash policy disabled it): its worker is not restarted again.</summary>
    Unload,
}
