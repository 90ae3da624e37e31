namespace MoveEverything.UiHost.Gate;

/// <summary>Why a module was refused at load time.</summary>
public enum RefusalKind
{
    /// <summary>The compatibility verdict refused it (host too old, ABI too new or retired, wrong CPU, bad manifest).</summary>
    Incompatible,
    /// <summary>Disabled by the user or the crash policy.</summary>
    Disabled,
    /// <summary>Host safe mode: third-party modules are off.</summary>
    SafeMode,
}
