using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// A fault of a module's DSP that the engine survived, seen by the UI host: its DSP worker crashed, hung or exited
/// (status entry Crashed with LoadResultCode.WorkerFaulted, or a load refused with that code: <paramref name="DuringLoad"/>),
/// or it overran its CPU share and was bypassed (<paramref name="Bypassed"/>).
/// </summary>
public sealed record EngineModuleFault(string ModuleId, string ModuleName, string ModuleVersion, DspTarget Target,
    bool Bypassed, bool DuringLoad, DateTimeOffset At)
{
    /// <summary>What the status block tells: a worker fault or an overrun (the phase is not published there).</summary>
    public string Cause => Bypassed ? "over its CPU budget (bypassed)" : "DSP worker crashed or hung (isolated)";

    public string DefaultToast => $"{ModuleName} {(Bypassed ? "bypassed: over its CPU budget" : "stopped: its DSP crashed")}";
}
