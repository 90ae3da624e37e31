using MoveEverything.Hardware;
using MoveEverything.Simulator.Device;

namespace MoveEverything.Simulator.Tests.Device;

/// <summary>What the simulated Move shows and plays from the engine's TX halves.</summary>
public class SimulatedMoveOutputTests
{
    [Fact]
    public void Cable_0_led_messages_set_note_and_cc_led_colours_and_bump_the_version()
    {
        using var rig = new DeviceRig();
        rig.Engine.WriteMidiOut([UsbMidiPacket.NoteOn(70, 8), UsbMidiPacket.ControlChange(49, 64), UsbMidiPacket.ControlChange(43, 125)]);
        rig.Transport.Exchange();
        rig.Move.Pump();
        var first = rig.Move.Snapshot();

        rig.Engine.WriteMidiOut([UsbMidiPacket.NoteOff(70)]);
        rig.Transport.Exchange();
        rig.Move.Pump();
        var second = rig.Move.Snapshot();

        Assert.Equal(8, first.PadLed(2));
        Assert.Equal(64, first.CcLed(ControlMap.ShiftCc));
        Assert.Equal(125, first.CcLed(ControlMap.TrackCc(1)));
        Assert.Equal(3, first.LedVersion);
        Assert.Equal(0, second.PadLed(2));
        Assert.Equal(4, second.LedVersion);
    }

    [Fact]
    public void Midi_out_that_is_not_a_cable_0_led_message_leaves_leds_alone_and_is_counted()
    {
        using var rig = new DeviceRig();
        rig.Engine.WriteMidiOut([UsbMidiPacket.NoteOn(70, 8, cable: 2), UsbMidiPacket.PolyAftertouch(70, 3)]);
        rig.Transport.Exchange();
        rig.Move.Pump();

        Assert.Equal(0, rig.Move.Snapshot().PadLed(2));
        Assert.Equal(0, rig.Move.Snapshot().LedVersion);
        Assert.Equal(2, rig.Move.OtherMidiOut);
    }

    [Fact]
    public void The_display_is_reassembled_from_slices_and_the_status_is_echoed()
    {
        using var rig = new DeviceRig();
        var frame = new byte[1024];
        DisplayFrame.SetPixel(frame, 127, 63, true);
        DisplayFrame.SetPixel(frame, 0, 0, true);
        var slicer = new DisplaySlicer();
        for (int i = 0; i < 7; i++)
        {
            slicer.WriteNext(rig.Engine, frame);
            rig.Transport.Exchange();
            rig.Move.Pump();
        }
        rig.Transport.Exchange(); // collects the RX answer to the last slice

        var snapshot = rig.Move.Snapshot();
        Assert.Equal(1, snapshot.DisplayFrames);
        Assert.True(snapshot.Pixel(127, 63));
        Assert.True(snapshot.Pixel(0, 0));
        Assert.False(snapshot.Pixel(1, 0));
        Assert.Equal(6u, rig.Engine.DisplayStatusRx);
    }

    [Fact]
    public void Audio_blocks_are_counted_peaked_and_kept_for_streaming_oldest_dropped_first()
    {
        using var rig = new DeviceRig(new SimulatedMoveOptions { AudioHistoryBlocks = 4 });
        for (short b = 1; b <= 10; b++)
        {
            rig.Engine.AudioOut.Fill(b);
            rig.Engine.AudioOut[3] = (short)(-1000 * b);
            rig.Transport.Exchange();
            rig.Move.Pump();
        }

        Assert.Equal(10, rig.Move.Blocks);
        Assert.Equal(10_000, rig.Move.Snapshot().LastBlockPeak);

        long cursor = 0;
        var buffer = new short[256 * 8];
        int samples = rig.Move.ReadAudio(ref cursor, buffer, out long skipped);

        Assert.Equal(6, skipped);
        Assert.Equal(4 * 256, samples);
        Assert.Equal(10, cursor);
        Assert.Equal([7, 8, 9, 10], Enumerable.Range(0, 4).Select(i => (int)buffer[i * 256]));
        Assert.Equal(0, rig.Move.ReadAudio(ref cursor, buffer, out _));
    }

    [Fact]
    public void The_device_answers_every_block_with_silent_audio_in()
    {
        using var rig = new DeviceRig();
        rig.Transport.Exchange();
        rig.Move.Pump();
        rig.Engine.AudioIn.Fill(5);
        rig.Transport.Exchange();

        Assert.Equal(1, rig.Transport.RxMissing); // only the very first exchange
        Assert.All(rig.Engine.AudioIn.ToArray(), s => Assert.Equal(0, s));
    }
}
