namespace MoveEverything.Health.States;

/// <summary>
/// Where a module is in its life on this host. Every value comes with a human-readable reason in
/// <see cref="ModuleStatus"/>; the allowed moves between values are listed in <see cref="ModuleLifecycle"/>.
/// </summary>
public enum ModuleState
{
    /// <summary>Enabled but not running (never started, unloaded, or re-enabled and waiting to be loaded).</summary>
    Stopped,

    /// <summary>Being loaded or initialised (dsp.so opened, create_instance / JS init running).</summary>
    Loading,

    /// <summary>Loaded and running normally.</summary>
    Running,

    /// <summary>Faulted (signal, exception, hang, budget violation) and unloaded; may be restarted by policy.</summary>
    Crashed,

    /// <summary>Loaded but skipped (audio passes through) because it overran its CPU share; not a crash.</summary>
    Bypassed,

    /// <summary>Turned off by the user (menu or <c>mev modules disable</c>); persisted.</summary>
    DisabledByUser,

    /// <summary>Turned off by the crash policy (<see cref="Policy.HealthPolicy"/>); persisted until the user re-enables it.</summary>
    DisabledByPolicy,

    /// <summary>Declares an unsafe capability the user has not agreed to (yet, or since an update added it).</summary>
    AwaitingConsent,

    /// <summary>Not started because it cannot run here (incompatible host or ABI, wrong CPU, bad manifest, safe mode).</summary>
    Refused,
}
