namespace MoveEverything.Health.Policy;

/// <summary>What the host should do after a fault was recorded.</summary>
public enum StrikeAction
{
    /// <summary>Below the limit: the module may be loaded again.</summary>
    Restart,
    /// <summary>The policy disables the module; it stays off until the user re-enables it.</summary>
    Disable,
    /// <summary>The module was already disabled (e.g. it crashed while being turned off); it stays off.</summary>
    StayDisabled,
}
