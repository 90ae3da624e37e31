namespace MoveEverything.Health.Consent;

/// <summary>
/// How far the host has stepped back from a normal start. Graded, least damaging first (Android
/// RescueParty): first strip every unsafe capability, then turn third-party modules off altogether.
/// </summary>
public enum SafeModeLevel
{
    Off,
    /// <summary>Modules run, but none gets an unsafe capability, whatever the user agreed to.</summary>
    UnsafeCapabilitiesStripped,
    /// <summary>Host safe mode (<see cref="Policy.HostStartTracker"/>): built-in modules only, and without unsafe capabilities.</summary>
    NoThirdPartyModules,
}
