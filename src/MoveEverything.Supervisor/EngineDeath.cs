using MoveEverything.Ipc;

namespace MoveEverything.Supervisor;

/// <summary>
/// Who and what to blame for an engine death, read from the dead-man's pedal.
/// <see cref="ModuleId"/> is empty when the engine died outside any plugin call (a host fault, not a module's).
/// </summary>
public sealed record EngineDeath(
    string ModuleId,
    int Slot,
    int Position,
    PluginPhase Phase,
    EngineDeathKind Kind,
    int? Signal,
    int? ExitCode,
    DateTimeOffset Time,
    string HostVersion)
{
    public bool BlamesModule => ModuleId.Length > 0;

    /// <summary>A sentence for logs and the menu, e.g. "braids crashed (SIGSEGV) in render, slot 2".</summary>
    public string Describe() => (BlamesModule ? ModuleId : "engine") + Kind switch
    {
        EngineDeathKind.Hang => " hung",
        EngineDeathKind.Crash => $" crashed ({SignalName(Signal) ?? $"exit {ExitCode}"})",
        _ => $" exited ({ExitCode})",
    } + (BlamesModule ? $" in {Phase.ToString().ToLowerInvariant()}, slot {Slot + 1} position {Position}" : "");

    public static string? SignalName(int? signal) => SignalNames.Of(signal);
}
