using MoveEverything.Ipc;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// A fault of a module's DSP that the engine survived, seen by the UI host: its DSP worker crashed, hung or exited
/// (status entry Crashed with LoadResultCode.WorkerFaulted, or a load refused with that code: <paramref name="DuringLoad"/>),
/// or it overran its CPU share and was bypassed (<paramref name="Bypassed"/>).
/// </summary>
/// <paramref name="Kind"/>, <paramref name="Phase"/> and <paramref name="Signal"/> come from the status entry of a worker fault
/// (None / 0 when the engine did not say, e.g. a load refused with WorkerFaulted).
public sealed record EngineModuleFault(string ModuleId, string ModuleName, string ModuleVersion, DspTarget Target,
    bool Bypassed, bool DuringLoad, DateTimeOffset At, ModuleFaultKind Kind = ModuleFaultKind.None,
    PluginPhase Phase = PluginPhase.None, int Signal = 0)
{
    /// <summary>What the status block tells, e.g. "DSP worker crashed (SIGSEGV) in render (isolated)".</summary>
    public string Cause => Bypassed ? "over its CPU budget (bypassed)" : "DSP worker " + Kind switch
    {
        ModuleFaultKind.Crash => $"crashed ({SignalNames.Of(Signal) ?? "signal"})",
        ModuleFaultKind.Hang => "hung",
        ModuleFaultKind.Exit => "exited",
        _ => "crashed or hung",
    } + (Phase == PluginPhase.None ? "" : $" in {Phase.ToString().ToLowerInvariant()}") + " (isolated)";

    public string DefaultToast => $"{ModuleName} {(Bypassed ? "bypassed: over its CPU budget" : "stopped: its DSP crashed")}";
}
