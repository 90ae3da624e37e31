namespace MoveEverything.Modules.Compatibility;

/// <summary>How a compatibility finding affects loading.</summary>
public enum FindingSeverity
{
    /// <summary>Informational.</summary>
    Note,
    /// <summary>The module loads; a warning is shown.</summary>
    Warning,
    /// <summary>The module does not load.</summary>
    Refusal,
}
