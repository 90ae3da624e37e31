using MoveEverything.Hardware;
using System.Collections.Concurrent;
using MoveEverything.Ipc;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Tests.Link;

/// <summary>The control-channel link against a stand-in engine that reads the command ring and writes events.</summary>
public sealed class ControlChannelEngineLinkTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mev-ui-link-{Guid.NewGuid():N}.ctl");
    private readonly ControlChannel _engineSide;
    private readonly ControlChannel _uiSide;
    private readonly ControlChannelEngineLink _link;
    private readonly Sink _sink = new();

    public ControlChannelEngineLinkTests()
    {
        _engineSide = ControlChannel.Create(_path);
        _uiSide = ControlChannel.Open(_path);
        _link = new ControlChannelEngineLink(_uiSide, new UiHostOptions { ParamGetTimeout = TimeSpan.FromSeconds(30), DspLoadTimeout = TimeSpan.FromSeconds(30) });
        _link.Start(_sink);
    }

    public void Dispose()
    {
        _link.Dispose();
        _uiSide.Dispose();
        _engineSide.Dispose();
        File.Delete(_path);
    }

    private EngineCommand NextCommand()
    {
        EngineCommand c;
        while (!_engineSide.Commands.TryRead(out c)) Thread.Yield();
        return c;
    }

    private void Reply(EngineEvent e)
    {
        while (!_engineSide.Events.TryWrite(e)) Thread.Yield();
    }

    [Fact]
    public void Start_announces_the_ui_host()
    {
        var c = NextCommand();
        Assert.Equal(CommandKind.UiAttached, c.Kind);
        Assert.Equal(1, c.Value);
    }

    [Fact]
    public void Midi_in_and_escape_events_reach_the_input_sink()
    {
        Reply(new EngineEvent { Kind = EventKind.MidiIn, Packet = ControlChannelEngineLink.PackUsb(0, 0xB0, 71, 3) });
        Reply(new EngineEvent { Kind = EventKind.MidiIn, Packet = ControlChannelEngineLink.PackUsb(2, 0x90, 60, 100) });
        Reply(new EngineEvent { Kind = EventKind.EscapeDetected });
        _sink.Escaped.Wait();
        Assert.Equal([InputEvent.Cc(71, 3), InputEvent.NoteOn(60, 100, cable: 2)], _sink.Inputs.ToArray());
    }

    [Fact]
    public void Param_get_returns_inline_and_large_values_and_null_when_not_found()
    {
        NextCommand(); // UiAttached
        var big = new string('v', 5000);
        var engine = new Thread(() =>
        {
            var small = NextCommand();
            Assert.Equal(CommandKind.ParamGet, small.Kind);
            Assert.Equal("cutoff", FixedUtf8.Read(small.KeySpan));
            var r = new EngineEvent { Kind = EventKind.ParamReply, RequestId = small.RequestId, Length = 3 };
            FixedUtf8.Write(r.TextSpan, "440");
            Reply(r);

            var large = NextCommand();
            _engineSide.LargeValue.Write(System.Text.Encoding.UTF8.GetBytes(big), large.RequestId);
            Reply(new EngineEvent { Kind = EventKind.ParamReply, RequestId = large.RequestId, Length = big.Length });

            var missing = NextCommand();
            Reply(new EngineEvent { Kind = EventKind.ParamReply, RequestId = missing.RequestId, Code = 1 });
        });
        engine.Start();
        var target = new DspTarget(1, DspComponent.SoundGenerator);
        Assert.Equal("440", _link.GetParam(target, "cutoff"));
        Assert.Equal(big, _link.GetParam(target, "ui_hierarchy"));
        Assert.Null(_link.GetParam(target, "nothing"));
        engine.Join();
    }

    [Fact]
    public void Dsp_load_refusal_carries_the_engine_reason()
    {
        NextCommand();
        var engine = new Thread(() =>
        {
            var load = NextCommand();
            Assert.Equal(CommandKind.LoadPlugin, load.Kind);
            Assert.Equal(2, load.Slot);
            Assert.Equal(3, load.Position); // audio FX
            Assert.Equal("/m/fx/dsp.so", FixedUtf8.Read(load.TextSpan));
            Reply(new EngineEvent { Kind = EventKind.LoadResult, RequestId = load.RequestId, Code = (int)LoadResultCode.FileNotFound });
        });
        engine.Start();
        var reply = _link.AssignDsp(new DspAssignment(new DspTarget(2, DspComponent.AudioFx), "fx", "/m/fx/dsp.so"));
        engine.Join();
        Assert.False(reply.Accepted);
        Assert.Equal("plugin file not found", reply.Reason);
    }

    [Fact]
    public void A_load_carries_its_trust_and_mailbox_flags_and_a_refusal_its_typed_code()
    {
        NextCommand();
        var engine = new Thread(() =>
        {
            var load = NextCommand();
            Assert.Equal(LoadFlags.Trusted | LoadFlags.GrantMailbox, load.LoadFlags);
            Reply(new EngineEvent { Kind = EventKind.LoadResult, RequestId = load.RequestId, Code = (int)LoadResultCode.WorkerFaulted });
        });
        engine.Start();
        var reply = _link.AssignDsp(new DspAssignment(new DspTarget(1, DspComponent.SoundGenerator), "s", "/m/s/dsp.so",
            GrantMailboxAccess: true, Trusted: true));
        engine.Join();
        Assert.Equal(LoadResultCode.WorkerFaulted, reply.Code);
    }

    [Fact]
    public unsafe void The_engine_status_block_is_read_as_module_entries()
    {
        Assert.Empty(_link.ReadModules());
        ref var m = ref _engineSide.Status->SlotTable[1].Modules[SlotStatus.GeneratorPosition];
        FixedUtf8.Write(m.IdSpan, "wave");
        m.Flags = LoadFlags.Trusted;
        m.Isolated = 1;
        m.Reason = (int)LoadResultCode.WorkerFaulted;
        m.State = ModuleRunState.Crashed;
        var entry = Assert.Single(_link.ReadModules());
        Assert.Equal((1, 2, "wave", LoadFlags.Trusted, true, true), (entry.Slot, entry.Position, entry.ModuleId, entry.Flags, entry.Isolated, entry.IsWorkerFault));
    }

    [Fact]
    public void Frames_midi_out_params_and_overtake_become_commands()
    {
        NextCommand();
        var frame = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();
        _link.PushDisplay(frame);
        var read = new byte[1024];
        Assert.Equal(1024, _engineSide.Display.TryRead(read));
        Assert.Equal(frame, read);

        _link.SendHardwareMidi(UsbMidiPacket.NoteOn(68, 5));
        Assert.Equal(0x05_44_90_09u, NextCommand().Packet);

        _link.SetParam(new DspTarget(3, DspComponent.MidiFx), "rate", "4");
        var set = NextCommand();
        Assert.Equal((CommandKind.ParamSet, (byte)3, (byte)0, "rate", "4"), (set.Kind, set.Slot, set.Position, FixedUtf8.Read(set.KeySpan), FixedUtf8.Read(set.TextSpan)));

        _link.SendMidiToDsp(new DspTarget(1, DspComponent.SoundGenerator), [0x91, 60, 100]);
        var midi = NextCommand();
        Assert.Equal((CommandKind.MidiToSlot, (byte)1, ControlChannelEngineLink.PackUsb(0, 0x91, 60, 100)), (midi.Kind, midi.Slot, midi.Packet));

        _link.SetOvertake(new OvertakeSettings(OvertakeMode.Module, [85], false));
        var overtake = NextCommand();
        Assert.Equal(2, overtake.Value);
        Assert.True(overtake.PassesThrough(85));
        Assert.False(overtake.PassesThrough(49));
    }

    private sealed class Sink : IEngineInputSink
    {
        public ConcurrentQueue<InputEvent> Inputs { get; } = new();
        public ManualResetEventSlim Escaped { get; } = new();
        public void OnInput(InputEvent input) => Inputs.Enqueue(input);
        public void OnEscape() => Escaped.Set();
    }
}
