using MoveEverything.Hardware;
using MoveEverything.Simulator.Device;

namespace MoveEverything.Simulator.Tests.Device;

/// <summary>What the engine receives as MIDI IN when someone plays the simulated Move.</summary>
public class SimulatedMoveInputTests
{
    [Fact]
    public void A_pad_press_arrives_as_a_note_on_with_its_velocity_and_release_as_note_off()
    {
        using var rig = new DeviceRig();
        rig.Move.PressPad(0, 90);
        rig.Move.ReleasePad(31);

        var events = rig.RoundTrip();

        Assert.Equal([UsbMidiPacket.NoteOn(68, 90), UsbMidiPacket.NoteOff(99)], events.Select(e => e.Packet));
    }

    [Fact]
    public void Aftertouch_touch_and_buttons_use_the_control_map()
    {
        using var rig = new DeviceRig();
        rig.Move.PadPressure(8, 40);
        rig.Move.TouchKnob(ControlMap.MasterTouchNote);
        rig.Move.ReleaseKnob(3);
        rig.Move.PressButton(ControlMap.ShiftCc);
        rig.Move.ReleaseButton(ControlMap.ShiftCc);
        rig.Move.ClickJog();

        var packets = rig.RoundTrip().Select(e => e.Packet).ToList();
        packets.AddRange(rig.RoundTrip().Select(e => e.Packet));

        Assert.Equal(
        [
            UsbMidiPacket.PolyAftertouch(76, 40), UsbMidiPacket.NoteOn(8, 127), UsbMidiPacket.NoteOff(3),
            UsbMidiPacket.ControlChange(49, 127), UsbMidiPacket.ControlChange(49, 0),
            UsbMidiPacket.ControlChange(3, 127), UsbMidiPacket.ControlChange(3, 0),
        ], packets);
    }

    [Fact]
    public void Turns_are_relative_and_large_ones_are_split_into_steps_of_at_most_63()
    {
        using var rig = new DeviceRig();
        rig.Move.TurnKnob(2, -70);
        rig.Move.TurnMaster(5);
        rig.Move.TurnJog(-1);

        var packets = rig.RoundTrip().Select(e => e.Packet);

        Assert.Equal(
        [
            UsbMidiPacket.ControlChange(73, 65), UsbMidiPacket.ControlChange(73, 121),
            UsbMidiPacket.ControlChange(79, 5), UsbMidiPacket.ControlChange(14, 127),
        ], packets);
    }

    [Fact]
    public void At_most_8_events_are_injected_per_block_with_increasing_timestamps()
    {
        using var rig = new DeviceRig();
        for (int i = 0; i < 20; i++) rig.Move.PressPad(i % 32, 1 + i);

        var blocks = new List<List<MidiInEvent>>();
        rig.Transport.Exchange();
        for (int b = 0; b < 4; b++)
        {
            rig.Move.Pump();
            rig.Transport.Exchange();
            var list = new List<MidiInEvent>();
            foreach (var e in rig.Engine.MidiIn) list.Add(e);
            blocks.Add(list);
        }

        Assert.Equal([8, 8, 4, 0], blocks.Select(l => l.Count));
        var all = blocks.SelectMany(l => l).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(v => (int)v), all.Select(e => (int)e.Packet.Data2));
        Assert.True(all.Zip(all.Skip(1)).All(p => p.Second.Timestamp > p.First.Timestamp));
    }

    [Fact]
    public void A_full_input_queue_drops_new_events_and_counts_them()
    {
        using var rig = new DeviceRig(new SimulatedMoveOptions { MaxQueuedInputEvents = 4 });
        for (int i = 0; i < 6; i++) rig.Move.PressPad(i);

        Assert.Equal(2, rig.Move.InputDropped);
        Assert.Equal(4, rig.Move.PendingInput);
        Assert.Equal(4, rig.RoundTrip().Count);
    }

    [Fact]
    public void Out_of_range_controls_are_rejected()
    {
        using var rig = new DeviceRig();
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Move.PressPad(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Move.TouchKnob(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Move.PressButton(128));
        Assert.Throws<ArgumentException>(() => rig.Move.SendMidi(default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedMove(rig.Endpoint, new SimulatedMoveOptions { MaxInjectedEventsPerBlock = 40 }));
    }
}
