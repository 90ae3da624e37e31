using System.Runtime.InteropServices;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Realtime;

public unsafe class CallMarkerTests
{
    [Fact]
    public void The_layout_is_the_documented_128_bytes()
    {
        Assert.Equal(128, sizeof(CallMarker));
        (string Field, int Offset)[] layout =
        [
            ("Magic", 0), ("LayoutVersion", 4), ("Sequence", 8), ("EnteredTimestamp", 16), ("BlockNumber", 24),
            ("Slot", 32), ("Position", 36), ("Phase", 37), ("InCall", 38), ("ModuleIdLength", 39), ("ModuleId", 40),
        ];
        foreach (var (field, offset) in layout) Assert.Equal(offset, Marshal.OffsetOf<CallMarker>(field).ToInt32());
    }

    [Fact]
    public void Enter_publishes_module_slot_position_and_phase_and_exit_clears_the_in_call_flag()
    {
        using var writer = CallMarkerWriter.CreatePrivate();
        var marker = writer.Marker;
        Assert.Equal(CallMarker.MagicValue, marker->Magic);
        Assert.Equal(CallMarker.SlotNone, marker->Slot);
        byte[] id = "a-rather-long-module-identifier-that-goes-past-sixty-four-bytes-of-text"u8.ToArray();
        writer.BlockNumber = 77;
        fixed (byte* p = id) writer.Enter(p, id.Length, 3, ChainPosition.AudioFx2, CallPhase.Midi);
        Assert.Equal(1, marker->InCall);
        Assert.Equal(1, marker->Sequence % 2);
        Assert.Equal((3, ChainPosition.AudioFx2, CallPhase.Midi, 77L), (marker->Slot, marker->Position, marker->Phase, marker->BlockNumber));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(id, 0, 64), marker->ModuleIdText());
        writer.Exit();
        Assert.Equal(0, marker->InCall);
        Assert.Equal(2, marker->Sequence);
    }

    [Fact]
    public void Rendering_a_chain_leaves_the_last_plugin_call_in_the_marker()
    {
        using var host = new DspTestHost();
        using var chain = new SlotChain(host.Options, 2, host.Synth(2), audioFx: [host.Delay(2)]);
        RackDriver.Run(chain, host.Services.BlockMarker, 1);
        var marker = host.Services.BlockMarker.Marker;
        Assert.Equal("mev-delay", marker->ModuleIdText());
        Assert.Equal((2, ChainPosition.AudioFx1, CallPhase.Render, (byte)0), (marker->Slot, marker->Position, marker->Phase, marker->InCall));
        Assert.Equal(4, marker->Sequence); // enter+exit for the synth, enter+exit for the delay
    }
}
