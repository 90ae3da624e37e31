namespace MoveEverything.Health.Consent;

/// <summary>The gate's answer, in the order the rules are checked.</summary>
public enum GateVerdict
{
    /// <summary>Start it with <see cref="GateDecision.Granted"/> (possibly fewer than declared in safe mode).</summary>
    Start,
    /// <summary>Host safe mode: third-party modules are off.</summary>
    RefusedBySafeMode,
    /// <summary>Disabled by the user or the crash policy.</summary>
    Disabled,
    /// <summary>Declares unsafe capabilities the user has not agreed to; <see cref="GateDecision.Missing"/> lists them.</summary>
    NeedsConsent,
}
