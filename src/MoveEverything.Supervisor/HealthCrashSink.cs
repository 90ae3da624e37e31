using MoveEverything.Health;
using MoveEverything.Health.States;
using MoveEverything.Health.Trust;
using MoveEverything.Ipc;

namespace MoveEverything.Supervisor;

/// <summary>
/// The supervisor's crash sink over the Health registry: an engine death that blames a module becomes a strike
/// (a <see cref="CrashFingerprint"/>), and a module the registry has disabled is not restored into the chain.
/// A crash while the engine loads or initialises its start-up chain counts as a crash during restore (policy:
/// disable at once). Deaths outside any plugin call blame nobody and are not reported. With <paramref name="trust"/>
/// the death is also a fault in the module's trust record (an unknown version counts against the stored record).
/// </summary>
public sealed class HealthCrashSink(ModuleHealthRegistry registry, Func<string, string>? moduleVersionOf = null, TrustBook? trust = null)
    : ICrashSink
{
    public void OnModuleCrashed(EngineDeath death)
    {
        if (!death.BlamesModule) return;
        var phase = death.Phase switch
        {
            PluginPhase.Load => FaultPhase.Load, PluginPhase.Init => FaultPhase.Init, PluginPhase.Midi => FaultPhase.Midi,
            PluginPhase.Param => FaultPhase.Param, PluginPhase.Unload => FaultPhase.Unload, _ => FaultPhase.Render,
        };
        string cause = death.Kind == EngineDeathKind.Crash
            ? EngineDeath.SignalName(death.Signal) ?? "crash"
            : death.Kind.ToString().ToLowerInvariant();
        string version = moduleVersionOf?.Invoke(death.ModuleId) ?? "unknown";
        trust?.RecordFault(death.ModuleId, version);
        registry.ReportFault(new CrashFingerprint(death.ModuleId, version, death.HostVersion, phase, cause,
            death.Time, DuringRestore: phase is FaultPhase.Load or FaultPhase.Init));
    }

    public bool MayRestore(string moduleId) => registry.MayRestore(moduleId);
}
