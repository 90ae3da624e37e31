namespace MoveEverything.Boot.Decision;

/// <summary>Which rule produced the decision.</summary>
public enum BootTrigger
{
    /// <summary>Nothing special: the normal boot.</summary>
    Default,
    /// <summary>/opt/move/Move is stock Move: the launcher is not installed.</summary>
    NotInstalled,
    /// <summary>An install, uninstall or restore was interrupted; stock until it is run again.</summary>
    InterruptedOperation,
    /// <summary>Keys held at power-on.</summary>
    KeyCombination,
    /// <summary>The one-shot safe-mode flag (menu or <c>mev safe-mode</c>).</summary>
    SafeModeFlag,
    /// <summary>Too many unhealthy boots in the window.</summary>
    CrashLoop,
    /// <summary>No bootable host version (or none installed).</summary>
    HostMissing,
}
