using MoveEverything.Health.States;
using MoveEverything.Ipc;
using MoveEverything.Supervisor;

namespace MoveEverything.Engine.Tests.Faults;

/// <summary>The supervisor's crash sink over the matrix's health registry: engine deaths become strikes; disabled modules are not restored.</summary>
public sealed class HealthCrashSink(HealthBridge health) : ICrashSink
{
    public void OnModuleCrashed(Supervisor.CrashFingerprint fingerprint)
    {
        if (!fingerprint.BlamesModule) return;
        var phase = fingerprint.Phase switch
        {
            PluginPhase.Load => FaultPhase.Load, PluginPhase.Init => FaultPhase.Init, PluginPhase.Midi => FaultPhase.Midi,
            PluginPhase.Param => FaultPhase.Param, PluginPhase.Unload => FaultPhase.Unload, _ => FaultPhase.Render,
        };
        string cause = fingerprint.Kind == EngineDeathKind.Crash ? Supervisor.CrashFingerprint.SignalName(fingerprint.Signal) ?? "crash" : fingerprint.Kind.ToString().ToLowerInvariant();
        // A crash while the engine loads its start-up chain is a crash during restore (policy: disable at once).
        health.Registry.ReportFault(new Health.States.CrashFingerprint(fingerprint.ModuleId, "test", "test", phase, cause,
            fingerprint.Time, DuringRestore: phase is FaultPhase.Load or FaultPhase.Init));
    }

    public bool MayRestore(string moduleId) => !health.Registry.StateOf(moduleId).NeedsUser;
}
