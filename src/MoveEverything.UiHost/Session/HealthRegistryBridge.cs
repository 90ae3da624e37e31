using MoveEverything.Ipc;
using MoveEverything.Health;
using MoveEverything.Health.Admin;
using MoveEverything.Health.States;
using MoveEverything.Health.Trust;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// Connects the UI host to the health registry: module starts, stops and script faults become registry
/// transitions (a fault is a strike with a crash fingerprint), and the menu shows the registry's states.
/// The registry decides the toast (e.g. "disabled after 3 crashes") and whether a module may be opened.
/// DSP loads, clean run time and every fault (script, DSP worker, overrun) also go to the module's trust record in
/// <paramref name="trust"/> (when given), which decides whether its next load runs isolated.
/// </summary>
public sealed class HealthRegistryBridge(ModuleHealthRegistry registry, string hostVersion, TrustBook? trust = null)
    : IModuleFaultSink, IModuleStateProvider
{
    /// <summary>The registry's lifecycle has no Stopped → Running move: a start passes through Loading.</summary>
    public void Started(string moduleId)
    {
        registry.ReportLoading(moduleId);
        registry.ReportRunning(moduleId);
    }

    public void Stopped(string moduleId, string how) => registry.ReportStopped(moduleId, how);

    public string? Faulted(ModuleFaultNotice notice)
    {
        var fingerprint = new CrashFingerprint(notice.ModuleId, notice.ModuleVersion, hostVersion,
            PhaseOf(notice.Fault.Phase), notice.Fault.Reason, notice.At);
        trust?.RecordFault(notice.ModuleId, notice.ModuleVersion);
        return registry.ReportFault(fingerprint).Toast(notice.ModuleName);
    }

    public void DspLoaded(string moduleId, string moduleVersion) => trust?.RecordCleanLoad(moduleId, moduleVersion);

    public void DspRan(string moduleId, string moduleVersion, TimeSpan cleanFor) => trust?.RecordCleanRun(moduleId, moduleVersion, cleanFor);

    /// <summary>
    /// A worker fault is a strike like an in-process crash, with the phase and signal the worker's pedal recorded (init
    /// when the load itself faulted); the policy's verdict decides reload or unload. An overrun is
    /// Bypassed, not a strike (HEALTH.md), but costs trust: the module runs isolated until its next update.
    /// </summary>
    public EngineFaultOutcome EngineFaulted(EngineModuleFault fault)
    {
        trust?.RecordFault(fault.ModuleId, fault.ModuleVersion);
        if (fault.Bypassed)
        {
            if (registry.StateOf(fault.ModuleId).State != ModuleState.Running)
            {
                registry.ReportLoading(fault.ModuleId);
                registry.ReportRunning(fault.ModuleId);
            }
            registry.Bypass(fault.ModuleId, $"{fault.Cause} in its DSP worker");
            return new(EngineFaultAction.Keep, fault.DefaultToast);
        }
        var fingerprint = new CrashFingerprint(fault.ModuleId, fault.ModuleVersion, hostVersion,
            PhaseOf(fault), fault.Cause, fault.At);
        var report = registry.ReportFault(fingerprint);
        var action = fault.DuringLoad ? EngineFaultAction.Keep : report.MayRestart ? EngineFaultAction.Reload : EngineFaultAction.Unload;
        return new(action, report.Toast(fault.ModuleName));
    }

    public ModuleStateView Describe(string moduleId)
    {
        var status = registry.StateOf(moduleId);
        var label = ModuleStateNames.Json(status.State).Replace('_', ' ');
        var reason = status.State is ModuleState.Stopped or ModuleState.Running ? null : status.Reason;
        return new ModuleStateView(label, reason, !status.NeedsUser);
    }

    /// <summary>The worker's own phase when the engine published it (the names match FaultPhase's); else init for a
    /// fault during the load, render otherwise.</summary>
    public static FaultPhase PhaseOf(EngineModuleFault fault) =>
        fault.Phase != PluginPhase.None && Enum.TryParse<FaultPhase>(fault.Phase.ToString(), out var phase) ? phase
        : fault.DuringLoad ? FaultPhase.Init : FaultPhase.Render;

    public static FaultPhase PhaseOf(ScriptPhase phase) => phase switch
    {
        ScriptPhase.Load => FaultPhase.Load,
        ScriptPhase.Init => FaultPhase.Init,
        ScriptPhase.Tick => FaultPhase.Tick,
        ScriptPhase.Unload => FaultPhase.Unload,
        _ => FaultPhase.Midi,
    };
}
