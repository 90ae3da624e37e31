namespace MoveEverything.Health.States;

/// <summary>
/// Everything needed to blame a fault on one module and to explain it later: which module and version, on
/// which host version, in which phase, what happened (a signal name such as "SIGSEGV", or the exception or
/// limit text), and when. <see cref="DuringRestore"/> says the module was being brought back at host start-up
/// or after an engine restart, which is the case the JUCE dead-man's-pedal rule guards (see
/// <see cref="Policy.HealthPolicy.DisableOnRestoreStartupCrash"/>).
/// </summary>
public sealed record CrashFingerprint(
    string ModuleId,
    string ModuleVersion,
    string HostVersion,
    FaultPhase Phase,
    string Cause,
    DateTimeOffset At,
    bool DuringRestore = false)
{
    /// <summary>True for faults while the module was being opened or initialised.</summary>
    public bool IsStartupPhase => Phase is FaultPhase.Load or FaultPhase.Init;

    /// <summary>One line for a toast or a log: "SIGSEGV in render (wavetable 1.2.0)".</summary>
    public string Describe() => $"{Cause} in {Phase.ToString().ToLowerInvariant()} ({ModuleId} {ModuleVersion})";
}
