using MoveEverything.Hardware;
using System.Collections.Concurrent;
using MoveEverything.Ipc;

namespace MoveEverything.UiHost.Link;

/// <summary>
/// <see cref="IEngineLink"/> over the engine control channel (docs/WIRE-FORMAT.md): commands go into the
/// command ring (this process is its only producer; a lock serialises the UI and input threads), a reader
/// thread drains the event ring — MIDI IN and escape to the input sink, replies to the waiting request.
/// Chain positions: MIDI FX 0, generator 2, audio FX 3. The wire has no overtake-DSP position yet, so the
/// overtake DSP is mapped to slot 1's generator position (the original's overtake DSP is single-tenant on slot 0 too).
/// </summary>
public sealed class ControlChannelEngineLink : IEngineLink, IDisposable
{
    private const int GeneratorPosition = 2, MidiFxPosition = 0, AudioFxPosition = 3;

    private readonly ControlChannel _channel;
    private readonly UiHostOptions _options;
    private readonly object _commandGate = new();
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<EngineEvent>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;
    private IEngineInputSink? _sink;
    private int _nextRequest;

    public ControlChannelEngineLink(ControlChannel channel, UiHostOptions options)
    {
        _channel = channel;
        _options = options;
    }

    /// <summary>Commands the ring refused because it was full (the engine is not draining).</summary>
    public long CommandsDropped { get; private set; }

    public void Start(IEngineInputSink sink)
    {
        _sink = sink;
        Send(EngineCommand.UiAttached(true));
        _reader = new Thread(ReadEvents) { IsBackground = true, Name = "mev-ui-input" };
        _reader.Start();
    }

    public void SendMidiToDsp(DspTarget target, ReadOnlySpan<byte> message)
    {
        if (message.Length == 0) return;
        var status = message[0];
        var packet = PackUsb(0, status, message.Length > 1 ? message[1] : (byte)0, message.Length > 2 ? message[2] : (byte)0);
        Send(EngineCommand.MidiToSlot(target.Slot, packet));
    }

    public void SetParam(DspTarget target, string key, string value) =>
        Send(EngineCommand.ParamSet(target.Slot, PositionOf(target), key, value));

    public string? GetParam(DspTarget target, string key)
    {
        var id = NextRequest();
        var reply = Request(id, EngineCommand.ParamGet(target.Slot, PositionOf(target), key, id), _options.ParamGetTimeout);
        if (reply is not { } e || e.Code != 0) return null;
        if (!e.HasLargeValue) return FixedUtf8.Read(e.TextSpan);
        var buffer = new byte[_channel.LargeValue.Capacity];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var n = _channel.LargeValue.TryRead(buffer, id);
            if (n >= 0) return System.Text.Encoding.UTF8.GetString(buffer, 0, n);
            Thread.Yield();
        }
        return null;
    }

    public void SendHardwareMidi(UsbMidiPacket packet) =>
        Send(EngineCommand.MidiOut(packet.ToUInt32()));

    public bool InjectToMove(UsbMidiPacket packet)
    {
        lock (_commandGate)
        {
            if (_channel.Commands.TryWrite(EngineCommand.InjectInput(packet.ToUInt32()))) return true;
            CommandsDropped++;
            return false;
        }
    }

    public void PushDisplay(ReadOnlySpan<byte> packedFrame) => _channel.Display.Write(packedFrame, 0);

    public EngineReply AssignDsp(DspAssignment assignment)
    {
        var id = NextRequest();
        var (slot, position) = (assignment.Target.Slot, PositionOf(assignment.Target));
        var command = assignment.DspPath is { } path
            ? EngineCommand.LoadPlugin(slot, position, path, id, assignment.Flags)
            : EngineCommand.UnloadPlugin(slot, position, id);
        var reply = Request(id, command, _options.DspLoadTimeout);
        if (reply is not { } e) return EngineReply.Refused("the engine did not answer");
        var code = (LoadResultCode)e.Code;
        if (code == LoadResultCode.Ok) return EngineReply.Ok;
        var detail = FixedUtf8.Read(e.TextSpan);
        return EngineReply.Refused(detail.Length > 0 ? detail : LoadResultCodeText.Describe(code), code);
    }

    public unsafe IReadOnlyList<EngineModuleEntry> ReadModules()
    {
        var entries = new List<EngineModuleEntry>();
        for (int slot = 0; slot < StatusBlock.SlotEntries; slot++)
            for (int position = 0; position < SlotStatus.Positions; position++)
            {
                ref var m = ref _channel.Status->SlotTable[slot].Modules[position];
                var state = m.State; // written by the engine's control/block thread; a torn view is corrected next poll
                if (state == ModuleRunState.Empty) continue;
                entries.Add(new EngineModuleEntry(slot, position, FixedUtf8.Read(m.IdSpan), state, (LoadResultCode)m.Reason,
                    m.Flags, m.Isolated != 0, m.FaultKind, m.FaultPhase, m.FaultSignal));
            }
        return entries;
    }

    public void SetOvertake(OvertakeSettings settings)
    {
        var ccs = settings.PassthroughCcs.Where(cc => cc is >= 0 and <= 127).Select(cc => (byte)cc).ToArray();
        Send(EngineCommand.SetOvertake((int)settings.Mode, ccs));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reader?.Join(TimeSpan.FromSeconds(1));
        Send(EngineCommand.UiAttached(false));
    }

    public static int PositionOf(DspTarget target) => target.Component switch
    {
        DspComponent.MidiFx => MidiFxPosition,
        DspComponent.AudioFx => AudioFxPosition,
        _ => GeneratorPosition,
    };

    public static uint PackUsb(int cable, byte status, byte d1, byte d2)
    {
        var cin = (byte)(status >> 4);
        return (uint)((cable << 4 | cin) | status << 8 | d1 << 16 | d2 << 24);
    }

    private void Send(in EngineCommand command)
    {
        lock (_commandGate)
            if (!_channel.Commands.TryWrite(command)) CommandsDropped++;
    }

    private uint NextRequest() => (uint)Interlocked.Increment(ref _nextRequest);

    private EngineEvent? Request(uint id, in EngineCommand command, TimeSpan timeout)
    {
        var waiter = new TaskCompletionSource<EngineEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        try
        {
            Send(command);
            return waiter.Task.Wait(timeout) ? waiter.Task.Result : null;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private void ReadEvents()
    {
        var spin = new SpinWait();
        while (!_stop.IsCancellationRequested)
        {
            if (!_channel.Events.TryRead(out var e))
            {
                if (spin.NextSpinWillYield) Thread.Sleep(1); else spin.SpinOnce();
                continue;
            }
            spin.Reset();
            Dispatch(e);
        }
    }

    private void Dispatch(in EngineEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.MidiIn:
                var p = e.Packet;
                _sink?.OnInput(new InputEvent((byte)((p >> 4) & 0x0F), (byte)(p >> 8), (byte)(p >> 16), (byte)(p >> 24)));
                break;
            case EventKind.EscapeDetected:
                _sink?.OnEscape();
                break;
            case EventKind.ParamReply or EventKind.LoadResult:
                if (_pending.TryGetValue(e.RequestId, out var waiter)) waiter.TrySetResult(e);
                break;
        }
    }
}
