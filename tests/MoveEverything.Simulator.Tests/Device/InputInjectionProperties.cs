using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MoveEverything.Hardware;

namespace MoveEverything.Simulator.Tests.Device;

/// <summary>One thing a player does to the simulated Move, and the packets it must produce.</summary>
public sealed record PlayerAction(string Name, int A, int B)
{
    public override string ToString() => $"{Name}({A}, {B})";
}

public static class PlayerActions
{
    public static Arbitrary<PlayerAction[]> Sequences() => Arb.From(Gen.ArrayOf(Gen.OneOf(
        Gen.Zip(Gen.Choose(0, 31), Gen.Choose(1, 127)).Select(t => new PlayerAction("pad", t.Item1, t.Item2)),
        Gen.Choose(0, 31).Select(p => new PlayerAction("padUp", p, 0)),
        Gen.Zip(Gen.Choose(0, 7), Gen.Choose(-200, 200)).Select(t => new PlayerAction("knob", t.Item1, t.Item2)),
        Gen.Choose(0, 9).Select(c => new PlayerAction("touch", c, 0)),
        Gen.Elements(ControlMap.Buttons.Select(b => (int)b.Cc).ToArray()).Select(cc => new PlayerAction("button", cc, 0)))));
}

/// <summary>Whatever the player does, the engine receives exactly the expected packets, in order, paced and stamped.</summary>
public class InputInjectionProperties
{
    private static void Apply(Simulator.Device.SimulatedMove move, PlayerAction a, List<UsbMidiPacket> expected)
    {
        switch (a.Name)
        {
            case "pad": move.PressPad(a.A, a.B); expected.Add(UsbMidiPacket.NoteOn((byte)(68 + a.A), (byte)a.B)); break;
            case "padUp": move.ReleasePad(a.A); expected.Add(UsbMidiPacket.NoteOff((byte)(68 + a.A))); break;
            case "touch": move.TouchKnob(a.A); expected.Add(UsbMidiPacket.NoteOn((byte)a.A, 127)); break;
            case "button": move.PressButton(a.A); expected.Add(UsbMidiPacket.ControlChange((byte)a.A, 127)); break;
            case "knob":
                move.TurnKnob(a.A, a.B);
                for (int left = a.B; left != 0;)
                {
                    int step = Math.Clamp(left, -63, 63);
                    expected.Add(UsbMidiPacket.ControlChange((byte)(71 + a.A), (byte)(step > 0 ? step : 128 + step)));
                    left -= step;
                }
                break;
        }
    }

    [Property(Arbitrary = [typeof(PlayerActions)], MaxTest = 40)]
    public bool Every_input_arrives_once_in_order_at_most_8_per_block_with_increasing_timestamps(PlayerAction[] actions)
    {
        using var rig = new DeviceRig();
        var expected = new List<UsbMidiPacket>();
        foreach (var a in actions) Apply(rig.Move, a, expected);

        var received = new List<MidiInEvent>();
        bool paced = true;
        rig.Transport.Exchange();
        for (int block = 0; block < expected.Count / 8 + 2; block++)
        {
            rig.Move.Pump();
            rig.Transport.Exchange();
            int before = received.Count;
            foreach (var e in rig.Engine.MidiIn) received.Add(e);
            paced &= received.Count - before <= 8;
        }

        bool increasing = received.Zip(received.Skip(1)).All(p => p.Second.Timestamp > p.First.Timestamp);
        return paced && increasing && received.Select(e => e.Packet).SequenceEqual(expected);
    }
}
