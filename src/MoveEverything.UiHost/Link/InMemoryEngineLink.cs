using MoveEverything.Hardware;
using System.Collections.Concurrent;

namespace MoveEverything.UiHost.Link;

/// <summary>
/// An engine link that keeps everything in memory: parameters live in a dictionary per DSP target
/// (so get returns what set stored, like a trivial DSP), and every outgoing message is recorded for
/// tests to inspect. Input is injected with <see cref="Inject"/> on the caller's thread, which stands
/// in for the link's input thread. Thread-safe.
/// </summary>
public sealed class InMemoryEngineLink : IEngineLink
{
    private readonly ConcurrentDictionary<(DspTarget, string), string> _params = new();
    private readonly object _gate = new();
    private IEngineInputSink? _sink;

    public List<(DspTarget Target, byte[] Message)> DspMidi { get; } = [];
    public List<UsbMidiPacket> HardwareMidi { get; } = [];
    public List<byte[]> Frames { get; } = [];
    public List<DspAssignment> Assignments { get; } = [];
    public List<OvertakeSettings> OvertakeHistory { get; } = [];

    /// <summary>When set, <see cref="AssignDsp"/> refuses with this reason (to test refusals).</summary>
    public string? RefuseAssignmentsWith { get; set; }

    public OvertakeSettings? Overtake => Locked(() => OvertakeHistory.LastOrDefault());
    public byte[]? LastFrame => Locked(() => Frames.LastOrDefault());

    public void Start(IEngineInputSink sink) => _sink = sink;

    public void Inject(InputEvent input) =>
        (_sink ?? throw new InvalidOperationException("Start was not called")).OnInput(input);

    public void InjectEscapeNotification() => _sink?.OnEscape();

    public void SendMidiToDsp(DspTarget target, ReadOnlySpan<byte> message)
    {
        var copy = message.ToArray();
        Locked(() => DspMidi.Add((target, copy)));
    }

    public void SetParam(DspTarget target, string key, string value) => _params[(target, key)] = value;

    public string? GetParam(DspTarget target, string key) =>
        _params.TryGetValue((target, key), out var v) ? v : null;

    /// <summary>Seeds a parameter as if the DSP had it.</summary>
    public void SeedParam(DspTarget target, string key, string value) => _params[(target, key)] = value;

    public void SendHardwareMidi(UsbMidiPacket packet) => Locked(() => HardwareMidi.Add(packet));

    /// <summary>Packets injected into the engine's input routing (move_midi_inject_to_move), in order.</summary>
    public List<UsbMidiPacket> Injected { get; } = [];

    /// <summary>When true, <see cref="InjectToMove"/> answers false as a full command ring would.</summary>
    public bool InjectRingFull { get; set; }

    public bool InjectToMove(UsbMidiPacket packet) => !InjectRingFull && Locked(() => { Injected.Add(packet); return true; });

    public void PushDisplay(ReadOnlySpan<byte> packedFrame)
    {
        var copy = packedFrame.ToArray();
        Locked(() => Frames.Add(copy));
    }

    public EngineReply AssignDsp(DspAssignment assignment)
    {
        if (RefuseAssignmentsWith is { } reason) return EngineReply.Refused(reason, RefuseAssignmentsCode);
        Locked(() => Assignments.Add(assignment));
        return EngineReply.Ok;
    }

    /// <summary>What <see cref="ReadModules"/> returns: tests set it to play the engine's status block.</summary>
    public IReadOnlyList<EngineModuleEntry> Modules { get; set; } = [];

    public IReadOnlyList<EngineModuleEntry> ReadModules() => Locked(() => Modules);

    /// <summary>When set, <see cref="AssignDsp"/> refuses with this code too (with <see cref="RefuseAssignmentsWith"/>).</summary>
    public Ipc.LoadResultCode? RefuseAssignmentsCode { get; set; }

    public void SetOvertake(OvertakeSettings settings) => Locked(() => OvertakeHistory.Add(settings));

    private void Locked(Action action) { lock (_gate) action(); }
    private T Locked<T>(Func<T> func) { lock (_gate) return func(); }
}
