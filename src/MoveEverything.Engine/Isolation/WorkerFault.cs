using MoveEverything.Ipc;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Isolation;

/// <summary>What happened to a worker.</summary>
public enum WorkerFaultKind
{
    /// <summary>Killed by a signal (SIGSEGV, SIGABRT, …).</summary>
    Crash,
    /// <summary>Heartbeat frozen for the hang timeout; the watchdog killed it.</summary>
    Hang,
    /// <summary>Exited on its own with a status.</summary>
    Exit,
    /// <summary>Its answers came late K blocks in a row: over its CPU budget, bypassed (not a crash).</summary>
    Overrun,
}

/// <summary>
/// A typed fault of one isolated module, read from the worker's exit status and its own dead-man's pedal.
/// </summary>
/// <param name="ModuleId">The module the worker ran.</param>
/// <param name="Slot">Its slot (−1 master).</param>
/// <param name="Kind">Crash, hang, exit or overrun.</param>
/// <param name="Phase">Where the worker was (from its pedal): Init / Render / Midi / Param, or None.</param>
/// <param name="Signal">The signal for <see cref="WorkerFaultKind.Crash"/>.</param>
/// <param name="ExitCode">The exit status for <see cref="WorkerFaultKind.Exit"/>.</param>
/// <param name="At">Wall-clock time of detection.</param>
/// <param name="FaultTicks">Stopwatch ticks of the faulting call's entry (from the pedal), or of the last heartbeat; 0 unknown.</param>
/// <param name="DetectedTicks">Stopwatch ticks when the watchdog noticed.</param>
public sealed record WorkerFault(
    string ModuleId, int Slot, WorkerFaultKind Kind, CallPhase Phase, int? Signal, int? ExitCode,
    DateTimeOffset At, long FaultTicks, long DetectedTicks)
{
    /// <summary>A sentence for logs and the display, e.g. "crash-render crashed (SIGSEGV) in render, slot 2 (isolated)".</summary>
    public string Describe() => ModuleId + Kind switch
    {
        WorkerFaultKind.Crash => $" crashed ({SignalName(Signal)})",
        WorkerFaultKind.Hang => " hung",
        WorkerFaultKind.Overrun => " overran its CPU budget (answers late) and was bypassed",
        _ => $" exited ({ExitCode})",
    } + (Phase == CallPhase.None ? "" : $" in {Phase.ToString().ToLowerInvariant()}") + $", slot {Slot + 1} (isolated)";

    public static string SignalName(int? signal) => SignalNames.Of(signal) ?? "no signal";
}

/// <summary>What the host (health registry) decided about a fault: restart the worker, or leave the slot silent.</summary>
public enum WorkerFaultDecision { Restart, KeepStopped }
