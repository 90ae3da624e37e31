namespace MoveEverything.Health.Trust;

/// <summary>Which rule of <see cref="TrustPolicy"/> decided (JSON: snake_case of the name).</summary>
public enum TrustBasis
{
    /// <summary>Shipped with the host: trusted.</summary>
    BuiltIn,
    /// <summary>Declares an unsafe capability that reaches native code (e.g. hardware_mailbox): untrusted.</summary>
    UnsafeNativeCapability,
    /// <summary>Faulted since its install or last update: untrusted.</summary>
    FaultedSinceUpdate,
    /// <summary>Too few clean loads or too little clean run time since its install or last update: untrusted.</summary>
    Probation,
    /// <summary>Clean record past probation: trusted.</summary>
    CleanRecord,
}
