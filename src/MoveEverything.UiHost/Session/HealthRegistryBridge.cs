using MoveEverything.Health;
using MoveEverything.Health.Admin;
using MoveEverything.Health.States;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// Connects the UI host to the health registry: module starts, stops and script faults become registry
/// transitions (a fault is a strike with a crash fingerprint), and the menu shows the registry's states.
/// The registry decides the toast (e.g. "disabled after 3 crashes") and whether a module may be opened.
/// </summary>
public sealed class HealthRegistryBridge(ModuleHealthRegistry registry, string hostVersion) : IModuleFaultSink, IModuleStateProvider
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
        return registry.ReportFault(fingerprint).Toast(notice.ModuleName);
    }

    public ModuleStateView Describe(string moduleId)
    {
        var status = registry.StateOf(moduleId);
        var label = ModuleStateNames.Json(status.State).Replace('_', ' ');
        var reason = status.State is ModuleState.Stopped or ModuleState.Running ? null : status.Reason;
        return new ModuleStateView(label, reason, !status.NeedsUser);
    }

    public static FaultPhase PhaseOf(ScriptPhase phase) => phase switch
    {
        ScriptPhase.Load => FaultPhase.Load,
        ScriptPhase.Init => FaultPhase.Init,
        ScriptPhase.Tick => FaultPhase.Tick,
        ScriptPhase.Unload => FaultPhase.Unload,
        _ => FaultPhase.Midi,
    };
}
