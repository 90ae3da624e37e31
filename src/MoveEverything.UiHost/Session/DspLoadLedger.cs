using MoveEverything.Hardware;
using MoveEverything.Ipc;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// The UI host's engine link with a memory of what it loaded: every DSP load and unload passes through it, so it
/// reports clean loads and clean run time (trust records) and, from <see cref="Poll"/>, the DSP faults the engine
/// survived (isolated worker crash or hang, overrun) as <see cref="EngineModuleFault"/>s, and carries out the sink's
/// answer: reload (a fresh worker, so the next fault is seen again and strikes add up), unload (disabled by the crash
/// policy: its worker is not restarted forever) or keep (bypassed).
/// Invariants: run time is credited once per interval and never for a load that faulted or while the engine did not
/// show it (an engine restart, a module not restored: counted again from when it is seen running); each fault of a
/// load is reported once. Everything else is passed through unchanged. Used from the UI thread; a lock guards the table.
/// </summary>
public sealed class DspLoadLedger(IEngineLink inner, IModuleFaultSink sink, TimeProvider clock, Func<string, string> nameOf,
    TimeSpan checkpoint) : IEngineLink
{
    private sealed class Loaded(DspAssignment assignment, DateTimeOffset since)
    {
        public DspAssignment Assignment { get; } = assignment;
        public DateTimeOffset Since { get; set; } = since;
        public bool Faulted { get; set; }
        /// <summary>The engine stopped showing it (engine restart, or not restored): time is not clean until it is seen running again.</summary>
        public bool Interrupted { get; set; }
        public string Id => Assignment.ModuleId!;
        public string Version => Assignment.ModuleVersion ?? "unknown";
    }

    private readonly object _gate = new();
    private readonly Dictionary<DspTarget, Loaded> _loaded = [];

    /// <summary>Targets with a DSP this host loaded and has not unloaded.</summary>
    public IReadOnlyCollection<DspTarget> Targets { get { lock (_gate) return _loaded.Keys.ToList(); } }

    public EngineReply AssignDsp(DspAssignment assignment)
    {
        var reply = inner.AssignDsp(assignment);
        lock (_gate)
        {
            if (assignment.DspPath is null)
            {
                if (reply.Accepted) CreditAndForget(assignment.Target);
                return reply;
            }
            if (!reply.Accepted)
            {
                if (reply.Code == LoadResultCode.WorkerFaulted && assignment.ModuleId is { } id)
                    sink.EngineFaulted(Fault(assignment, id, bypassed: false, duringLoad: true));
                return reply;
            }
            CreditAndForget(assignment.Target); // a load replaces what was there
            if (assignment.ModuleId is null) return reply;
            _loaded[assignment.Target] = new Loaded(assignment, clock.GetUtcNow());
        }
        sink.DspLoaded(assignment.ModuleId, assignment.ModuleVersion ?? "unknown");
        return reply;
    }

    /// <summary>
    /// Reads the engine's module status and handles new faults of loaded DSPs; writes run-time checkpoints.
    /// Returns what the UI should say or change (toast, slot emptied).
    /// </summary>
    public IReadOnlyList<DspIncident> Poll()
    {
        List<(DspTarget, Loaded)> snapshot;
        lock (_gate) snapshot = _loaded.Select(kv => (kv.Key, kv.Value)).ToList();
        if (snapshot.Count == 0) return [];
        var entries = inner.ReadModules();
        var incidents = new List<DspIncident>();
        foreach (var (target, load) in snapshot)
        {
            if (load.Faulted) continue;
            int position = ControlChannelEngineLink.PositionOf(target);
            var entry = entries.FirstOrDefault(e => e.Slot == target.Slot && e.Position == position
                && e.ModuleId == ChainLoad.ModuleIdOf(load.Assignment.DspPath!));
            if (entry is { IsWorkerFault: true } or { State: ModuleRunState.Bypassed })
                incidents.Add(Handle(target, load, entry));
            else if (entry is not { State: ModuleRunState.Running }) load.Interrupted = true;
            else if (load.Interrupted) (load.Interrupted, load.Since) = (false, clock.GetUtcNow());
            else Checkpoint(load);
        }
        return incidents;
    }

    /// <summary>Credits the clean run time of every loaded DSP (host stop).</summary>
    public void CreditAll()
    {
        lock (_gate) foreach (var target in _loaded.Keys.ToList()) CreditAndForget(target);
    }

    private DspIncident Handle(DspTarget target, Loaded load, EngineModuleEntry entry)
    {
        lock (_gate) load.Faulted = true;
        var outcome = sink.EngineFaulted(Fault(load.Assignment, load.Id, entry.State == ModuleRunState.Bypassed, duringLoad: false) with
        {
            Kind = entry.FaultKind, Phase = entry.FaultPhase, Signal = entry.FaultSignal,
        });
        bool emptied = false;
        switch (outcome.Action)
        {
            case EngineFaultAction.Reload:
                var again = inner.AssignDsp(load.Assignment);
                lock (_gate)
                    if (again.Accepted) _loaded[target] = new Loaded(load.Assignment, clock.GetUtcNow());
                    else emptied = _loaded.Remove(target);
                break;
            case EngineFaultAction.Unload:
                inner.AssignDsp(DspAssignment.Clear(target));
                lock (_gate) emptied = _loaded.Remove(target);
                break;
        }
        return new DspIncident(target, load.Id, outcome.Toast, emptied);
    }

    private void Checkpoint(Loaded load)
    {
        var now = clock.GetUtcNow();
        if (now - load.Since < checkpoint) return;
        sink.DspRan(load.Id, load.Version, now - load.Since);
        load.Since = now;
    }

    private void CreditAndForget(DspTarget target)
    {
        if (!_loaded.Remove(target, out var old) || old.Faulted || old.Interrupted) return;
        sink.DspRan(old.Id, old.Version, clock.GetUtcNow() - old.Since);
    }

    private EngineModuleFault Fault(DspAssignment a, string id, bool bypassed, bool duringLoad) =>
        new(id, nameOf(id), a.ModuleVersion ?? "unknown", a.Target, bypassed, duringLoad, clock.GetUtcNow());

    public void Start(IEngineInputSink sink) => inner.Start(sink);
    public void SendMidiToDsp(DspTarget target, ReadOnlySpan<byte> message) => inner.SendMidiToDsp(target, message);
    public void SetParam(DspTarget target, string key, string value) => inner.SetParam(target, key, value);
    public string? GetParam(DspTarget target, string key) => inner.GetParam(target, key);
    public void SendHardwareMidi(UsbMidiPacket packet) => inner.SendHardwareMidi(packet);
    public bool InjectToMove(UsbMidiPacket packet) => inner.InjectToMove(packet);
    public void PushDisplay(ReadOnlySpan<byte> packedFrame) => inner.PushDisplay(packedFrame);
    public void SetOvertake(OvertakeSettings settings) => inner.SetOvertake(settings);
    public IReadOnlyList<EngineModuleEntry> ReadModules() => inner.ReadModules();
}
