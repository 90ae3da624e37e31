namespace MoveEverything.Boot.SafeMode;

/// <summary>What the UI host does after a choice was applied.</summary>
public enum SafeModeFollowUp
{
    /// <summary>Stay in safe mode, modules off; leave the screen.</summary>
    StayInSafeMode,
    /// <summary>Open the module list so the user enables modules one at a time (Health owns the enable state).</summary>
    OpenModuleList,
    /// <summary>A reboot was requested; show "rebooting…".</summary>
    Rebooting,
    /// <summary>The action failed; show <see cref="SafeModeActionResult.Message"/> and keep the screen.</summary>
    ShowError,
}
