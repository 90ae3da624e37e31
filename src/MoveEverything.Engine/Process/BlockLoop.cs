using System.Diagnostics;
using MoveEverything.Hardware;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// The block thread's work, one call of <see cref="RunBlock"/> per 128-frame block: exchange, read MIDI IN,
/// apply a bounded number of commands, render, write audio + MIDI OUT (≤ 20) + display slice, publish status.
/// Invariant: after construction nothing here allocates, locks, logs text or does I/O.
/// A missed block is one whose exchange returned later than its deadline + one period; the deadline advances
/// one period per block and resynchronises after a miss. Blocks before steady state (warm-up, JIT) are not counted.
/// </summary>
public sealed unsafe class BlockLoop
{
    private readonly IMailboxTransport _transport;
    private readonly ControlChannel _channel;
    private readonly IEngineRack _rack;
    private readonly ControlThread _control;
    private readonly EngineOptions _options;
    private readonly InputRouter _router;
    private readonly PacketQueue _midiOut;
    private readonly StatusBlock* _status;
    private readonly bool _paced;
    private readonly long _periodNanos = (long)(MailboxLayout.BlockMicroseconds * 1000);
    private readonly byte[] _frame = new byte[MailboxLayout.DisplayFrameBytes];
    private readonly DisplaySlicer _slicer = new();
    private readonly byte[] _value = new byte[65536];
    private long _deadline, _block;

    public BlockLoop(IMailboxTransport transport, ControlChannel channel, IEngineRack rack, ControlThread control,
        EngineOptions options, bool paced)
    {
        _transport = transport; _channel = channel; _rack = rack; _control = control; _options = options; _paced = paced;
        _status = channel.Status;
        _router = new InputRouter(rack, channel, options.DemoSlot) { DemoActive = options.Demo };
        _midiOut = new PacketQueue(options.MidiOutQueueCapacity);
        if (options.Demo) SetFlag(EngineFlags.DemoActive, true);
    }

    public long Block => _block;

    public void RunBlock()
    {
        _transport.Exchange();
        long now = LinuxRealtime.NowNanos();
        long late = TrackDeadline(now);
        long start = Stopwatch.GetTimestamp();
        var mailbox = new Mailbox(_transport.Page);
        ReadMidiIn(mailbox);
        ApplyCommands();
        ForwardControlResults();
        var audioOut = mailbox.AudioOut;
        audioOut.Clear();
        long pluginNs;
        fixed (short* audio = audioOut) pluginNs = _rack.Render(audio, MailboxLayout.FramesPerBlock);
        WriteMidiOut(mailbox);
        WriteDisplay(mailbox);
        Publish(Stopwatch.GetTimestamp() - start, pluginNs, late, now);
    }

    private long TrackDeadline(long now)
    {
        if (_deadline == 0 || !_paced) { _deadline = now; return 0; }
        _deadline += _periodNanos;
        long late = now - _deadline;
        if (late > _periodNanos)
        {
            if (_block >= _options.WarmupBlocks)
            {
                _status->MissedBlocks++;
                _channel.BlockLog.TryWrite(new LogRecord { MonotonicNanos = now, Event = EngineLogEvent.MissedBlock, Level = 3, Arg0 = _block, Arg1 = late / 1000 });
            }
            _deadline = now;
        }
        else if (late < -_periodNanos) _deadline = now; // the device runs ahead of our clock: follow it
        return late;
    }

    private void ReadMidiIn(Mailbox mailbox)
    {
        foreach (var e in mailbox.MidiIn) _router.Route(e.Packet.ToUInt32(), e.Timestamp, _block);
    }

    private void ApplyCommands()
    {
        for (int n = 0; n < _options.CommandsPerBlock && _channel.Commands.TryRead(out var c); n++)
        {
            _status->CommandsApplied++;
            switch (c.Kind)
            {
                case CommandKind.MidiToSlot: _rack.Midi(c.Slot, c.Packet); break;
                case CommandKind.InjectInput: _router.Route(c.Packet, 0, _block); break;
                case CommandKind.MidiOut: if (!_midiOut.Enqueue(c.Packet)) _status->MidiOutDropped = _midiOut.Dropped; break;
                case CommandKind.ParamSet: _rack.SetParam(c.Slot, c.Position, FixedUtf8.Slice(c.KeySpan), FixedUtf8.Slice(c.TextSpan)); break;
                case CommandKind.ParamGet: ReplyParam(ref c); break;
                case CommandKind.LoadPlugin or CommandKind.UnloadPlugin: HandOver(ref c); break;
                case CommandKind.SetOvertake: _router.OvertakeMode = c.Value; break;
                case CommandKind.UiAttached:
                    _router.DemoActive = c.Value == 0 && _options.Demo;
                    SetFlag(EngineFlags.UiAttached, c.Value != 0);
                    SetFlag(EngineFlags.DemoActive, _router.DemoActive);
                    _channel.BlockLog.TryWrite(new LogRecord { Event = _router.DemoActive ? EngineLogEvent.DemoEnabled : EngineLogEvent.DemoDisabled, Level = 2 });
                    break;
                default: Drop(c.Kind, 1); break;
            }
        }
    }

    /// <summary>Load results and worker get_param replies from the control thread, to the UI (single event producer).</summary>
    private void ForwardControlResults()
    {
        while (_control.Results.TryRead(out var result))
        {
            result.Block = _block;
            if (result.HasLargeValue) _control.ForwardLargeValue(_channel.LargeValue, result);
            _channel.Events.TryWrite(result);
        }
    }

    private void HandOver(ref EngineCommand c)
    {
        if (_control.Requests.TryWrite(c)) return;
        Drop(c.Kind, 2);
        var busy = c.Kind == CommandKind.ParamGet
            ? new EngineEvent { Kind = EventKind.ParamReply, Slot = c.Slot, Position = c.Position, RequestId = c.RequestId, Code = 1, Block = _block }
            : new EngineEvent { Kind = EventKind.LoadResult, Slot = c.Slot, Position = c.Position, RequestId = c.RequestId, Code = (int)LoadResultCode.Busy, Block = _block };
        _channel.Events.TryWrite(busy);
    }

    private void ReplyParam(ref EngineCommand c)
    {
        int n = _rack.GetParam(c.Slot, c.Position, FixedUtf8.Slice(c.KeySpan), _value);
        // A module in a DSP worker: the control thread asks it and its reply comes back through the results ring.
        if (n == IEngineRack.AnswerOnControlThread) { HandOver(ref c); return; }
        var reply = new EngineEvent { Kind = EventKind.ParamReply, Slot = c.Slot, Position = c.Position, RequestId = c.RequestId, Code = n < 0 ? 1 : 0, Length = Math.Max(n, 0), Block = _block };
        if (n >= EngineEvent.InlineTextBytes) _channel.LargeValue.Write(new ReadOnlySpan<byte>(_value, 0, n), c.RequestId);
        else if (n > 0) new ReadOnlySpan<byte>(_value, 0, n).CopyTo(reply.TextSpan);
        _channel.Events.TryWrite(reply);
    }

    private void Drop(CommandKind kind, long reason)
    {
        _status->CommandsDropped++;
        _channel.BlockLog.TryWrite(new LogRecord { Event = EngineLogEvent.CommandDropped, Level = 3, Arg0 = (long)kind, Arg1 = reason });
    }

    private void WriteMidiOut(Mailbox mailbox)
    {
        var slots = mailbox.MidiOut;
        int budget = Math.Min(_options.MidiOutPerBlock, slots.Length);
        for (int i = 0; i < slots.Length; i++)
            slots[i] = i < budget && _midiOut.TryDequeue(out uint packet) ? UsbMidiPacket.FromUInt32(packet) : default;
    }

    private void WriteDisplay(Mailbox mailbox)
    {
        // The slicer latches the frame at phase 0 only; keeping the previous frame when the UI is mid-write.
        if (_slicer.Phase == 0) _channel.Display.TryRead(_frame);
        _slicer.WriteNext(mailbox, _frame);
    }

    private void Publish(long workNs, long pluginNs, long late, long now)
    {
        _status->BlockNsLast = workNs;
        if (_block >= _options.WarmupBlocks && workNs > _status->BlockNsMax) _status->BlockNsMax = workNs;
        _status->PluginNsLast = pluginNs;
        _status->LastBlockNanos = now;
        _channel.Timings.TryWrite(new BlockTiming { Block = _block, BlockNs = (int)Math.Min(workNs, int.MaxValue), PluginNs = (int)Math.Min(pluginNs, int.MaxValue), LateNs = (int)Math.Clamp(late, int.MinValue, int.MaxValue), Flags = _block >= _options.WarmupBlocks ? 0 : 2 });
        _block++;
        if (_block == _options.WarmupBlocks)
        {
            _status->SteadyStateBlock = _block;
            SetFlag(EngineFlags.SteadyState, true);
        }
        Volatile.Write(ref _status->Heartbeat, _block);
    }

    private void SetFlag(EngineFlags flag, bool on)
    {
        var flags = _status->Flags;
        _status->Flags = on ? flags | flag : flags & ~flag;
    }
}
