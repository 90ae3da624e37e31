using System.Runtime.InteropServices;
using System.Text;
using MoveEverything.Ipc;

namespace MoveEverything.Ipc.Tests;

public sealed unsafe class ControlChannelTests : IDisposable
{
    private readonly string _path = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-test-{Guid.NewGuid():N}.ctl");

    public void Dispose() { try { File.Delete(_path); } catch (IOException) { } }

    private static readonly ControlChannelOptions Small = new()
    {
        CommandCapacity = 8, EventCapacity = 8, LogCapacity = 8, TimingCapacity = 16, LargeValueBytes = 70_000,
    };

    [Fact]
    public void A_command_written_through_one_mapping_is_read_intact_through_another()
    {
        using var ui = ControlChannel.Create(_path, Small);
        using var engine = ControlChannel.Open(_path); // a second, independent mapping of the same file
        Assert.NotEqual((nint)ui.Base, (nint)engine.Base);

        Assert.True(ui.Commands.TryWrite(EngineCommand.LoadPlugin(2, 3, "/data/modules/dx7/dsp.so", 41)));
        Assert.True(ui.Commands.TryWrite(EngineCommand.ParamSet(1, 2, "synth:cutoff", "0.75")));

        Assert.True(engine.Commands.TryRead(out var load));
        Assert.Equal(CommandKind.LoadPlugin, load.Kind);
        Assert.Equal((2, 3, 41u), (load.Slot, load.Position, load.RequestId));
        Assert.Equal("/data/modules/dx7/dsp.so", FixedUtf8.Read(load.TextSpan));

        Assert.True(engine.Commands.TryRead(out var set));
        Assert.Equal("synth:cutoff", FixedUtf8.Read(set.KeySpan));
        Assert.Equal("0.75", FixedUtf8.Read(set.TextSpan));
        Assert.False(engine.Commands.TryRead(out _));
    }

    [Fact]
    public void Open_reads_the_capacities_the_creator_chose()
    {
        using var created = ControlChannel.Create(_path, Small);
        using var opened = ControlChannel.Open(_path);
        Assert.Equal(Small, opened.Layout.Options);
        Assert.Equal(created.Layout.TotalBytes, opened.Layout.TotalBytes);
        Assert.Equal(8, opened.Commands.Capacity);
    }

    [Fact]
    public void Open_refuses_a_file_that_is_not_a_control_channel()
    {
        File.WriteAllBytes(_path, new byte[4096]);
        var error = Assert.Throws<InvalidDataException>(() => ControlChannel.Open(_path));
        Assert.Contains("bad magic", error.Message);
    }

    [Fact]
    public void Overfilling_the_event_ring_drops_and_counts_and_keeps_the_oldest()
    {
        using var engine = ControlChannel.Create(_path, Small);
        using var ui = ControlChannel.Open(_path);
        for (uint i = 0; i < 11; i++) engine.Events.TryWrite(new EngineEvent { Kind = EventKind.MidiIn, Packet = i });
        Assert.Equal(3, ui.Events.Dropped);
        for (uint i = 0; i < 8; i++)
        {
            Assert.True(ui.Events.TryRead(out var e));
            Assert.Equal(i, e.Packet);
        }
    }

    [Fact]
    public void A_64_KB_parameter_value_round_trips_through_the_large_value_buffer_under_its_request_id()
    {
        using var engine = ControlChannel.Create(_path, Small);
        using var ui = ControlChannel.Open(_path);
        var json = Encoding.UTF8.GetBytes("{\"levels\":[" + string.Join(',', Enumerable.Range(0, 9000).Select(i => i % 10)) + "]}");
        Assert.True(json.Length > EngineEvent.InlineTextBytes);
        engine.LargeValue.Write(json, tag: 77);

        var buffer = new byte[Small.LargeValueBytes];
        Assert.Equal(-1, ui.LargeValue.TryRead(buffer, expectedTag: 78)); // another request's value is not ours
        int n = ui.LargeValue.TryRead(buffer, expectedTag: 77);
        Assert.Equal(json, buffer[..n]);
    }

    [Fact]
    public void The_display_mailbox_hands_over_the_latest_frame()
    {
        using var ui = ControlChannel.Create(_path, Small);
        using var engine = ControlChannel.Open(_path);
        var first = Enumerable.Repeat((byte)0x11, 1024).ToArray();
        var second = Enumerable.Range(0, 1024).Select(i => (byte)i).ToArray();
        ui.Display.Write(first, 0);
        ui.Display.Write(second, 0);
        var frame = new byte[1024];
        Assert.Equal(1024, engine.Display.TryRead(frame));
        Assert.Equal(second, frame);
        Assert.Equal(2u, engine.Display.WriteCount);
    }

    [Fact]
    public void Status_written_by_one_side_is_seen_by_the_other()
    {
        using var engine = ControlChannel.Create(_path, Small);
        using var supervisor = ControlChannel.Open(_path);
        engine.Status->Heartbeat = 1234;
        engine.BlockPedal->Slot = 2; engine.BlockPedal->Phase = PluginPhase.Render; engine.BlockPedal->InCall = 1;
        FixedUtf8.Write(engine.Status->SlotTable[2].Modules[SlotStatus.GeneratorPosition].IdSpan, "braids");
        engine.Status->SlotTable[2].PeakHold = 0.5f;

        Assert.Equal(StatusBlock.MagicValue, supervisor.Status->Magic);
        Assert.Equal(1234, supervisor.Status->Heartbeat);
        Assert.Equal((2, PluginPhase.Render, (byte)1), (supervisor.BlockPedal->Slot, supervisor.BlockPedal->Phase, supervisor.BlockPedal->InCall));
        Assert.Equal("braids", FixedUtf8.Read(supervisor.Status->SlotTable[2].Modules[2].IdSpan));
        Assert.Equal(0.5f, supervisor.Status->SlotTable[2].PeakHold);
    }

    [Fact]
    public void Struct_sizes_and_offsets_match_docs_wire_format()
    {
        Assert.Equal(384, sizeof(EngineCommand));
        Assert.Equal(288, sizeof(EngineEvent));
        Assert.Equal(40, sizeof(LogRecord));
        Assert.Equal(32, sizeof(BlockTiming));
        Assert.Equal(128, sizeof(ModuleStatus));
        Assert.Equal(1088, sizeof(SlotStatus));
        Assert.Equal(5952, sizeof(StatusBlock));
        Assert.Equal(128, sizeof(DeadMansPedal));
        Assert.Equal(256, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.BlockPedal)));
        Assert.Equal(384, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.LoaderPedal)));
        Assert.Equal(512, (int)Marshal.OffsetOf<StatusBlock>(nameof(StatusBlock.SlotTable)));
        Assert.Equal(80, (int)Marshal.OffsetOf<EngineCommand>(nameof(EngineCommand.Text)));
    }

    [Fact]
    public void Text_longer_than_its_field_is_cut_on_a_character_boundary_and_stays_terminated()
    {
        var c = EngineCommand.ParamSet(0, 0, new string('é', 40), "x"); // 80 UTF-8 bytes into a 64-byte key
        var key = FixedUtf8.Slice(c.KeySpan);
        Assert.Equal(62, key.Length); // 31 whole 'é', never half of one
        Assert.Equal(new string('é', 31), Encoding.UTF8.GetString(key));
    }

    [Fact]
    public void The_overtake_passthrough_mask_holds_exactly_the_given_ccs()
    {
        var c = EngineCommand.SetOvertake(2, [79, 3, 127]);
        Assert.Equal(2, c.Value);
        for (int cc = 0; cc < 128; cc++) Assert.Equal(cc is 79 or 3 or 127, c.PassesThrough(cc));
    }

    [Fact]
    public void Capacities_that_are_not_powers_of_two_are_refused_with_the_option_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ControlChannel.Create(_path, Small with { EventCapacity = 100 }));
        Assert.Equal("EventCapacity", error.ParamName);
    }
}
