namespace MoveEverything.Modules.Capabilities;

/// <summary>The unsafe capabilities an update adds and drops.</summary>
public readonly record struct CapabilityChange(CapabilitySet Added, CapabilitySet Removed)
{
    /// <summary>True when the update asks for something the user has not agreed to yet.</summary>
    public bool NeedsNewConsent => !Added.IsEmpty;
}
