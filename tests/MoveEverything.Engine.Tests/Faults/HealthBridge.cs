using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Realtime;
using MoveEverything.Health;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.States;

namespace MoveEverything.Engine.Tests.Faults;

/// <summary>
/// The health-registry path for the matrix: a persisted registry in a temp folder; worker faults become crash
/// fingerprints and strikes, and the policy's verdict decides whether the worker restarts.
/// </summary>
public sealed class HealthBridge : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mev-faults-" + Guid.NewGuid().ToString("N"));

    public HealthBridge()
    {
        Directory.CreateDirectory(_folder);
        Registry = Open();
    }

    public string StorePath => Path.Combine(_folder, "modules.jsonl");
    public ModuleHealthRegistry Registry { get; private set; }

    /// <summary>A fresh registry over the same file: what the host sees after a restart.</summary>
    public ModuleHealthRegistry Open() => new(new FileModuleHealthStore(StorePath), HealthPolicy.Default, TimeProvider.System);

    public static FaultPhase PhaseOf(CallPhase phase) => phase switch
    {
        CallPhase.Load => FaultPhase.Load,
        CallPhase.Init => FaultPhase.Init,
        CallPhase.Midi => FaultPhase.Midi,
        CallPhase.Param => FaultPhase.Param,
        CallPhase.Unload => FaultPhase.Unload,
        CallPhase.Tick => FaultPhase.Tick,
        _ => FaultPhase.Render,
    };

    /// <summary>Blames the module for a worker fault; overruns bypass it, everything else counts a strike.</summary>
    public WorkerFaultDecision Report(WorkerFault fault)
    {
        if (fault.Kind == WorkerFaultKind.Overrun)
        {
            Registry.Bypass(fault.ModuleId, fault.Describe());
            return WorkerFaultDecision.KeepStopped;
        }
        var report = Registry.ReportFault(new CrashFingerprint(fault.ModuleId, "test", "test", PhaseOf(fault.Phase),
            fault.Kind == WorkerFaultKind.Crash ? WorkerFault.SignalName(fault.Signal) : fault.Kind.ToString().ToLowerInvariant(), fault.At));
        return report.Verdict.Action == StrikeAction.Restart ? WorkerFaultDecision.Restart : WorkerFaultDecision.KeepStopped;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
