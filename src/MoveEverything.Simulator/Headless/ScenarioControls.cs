using MoveEverything.Hardware;

namespace MoveEverything.Simulator.Headless;

/// <summary>Turns scenario events into timed cable-0 USB-MIDI packets, using the Move control map (spec §7.6).</summary>
public static class ScenarioControls
{
    public static readonly IReadOnlyDictionary<string, int> ButtonCc = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["shift"] = ControlMap.ShiftCc, ["menu"] = ControlMap.MenuCc, ["back"] = ControlMap.BackCc,
        ["capture"] = ControlMap.CaptureCc, ["down"] = ControlMap.DownCc, ["up"] = ControlMap.UpCc,
        ["undo"] = ControlMap.UndoCc, ["loop"] = ControlMap.LoopCc, ["copy"] = ControlMap.CopyCc,
        ["left"] = ControlMap.LeftCc, ["right"] = ControlMap.RightCc, ["play"] = ControlMap.PlayCc,
        ["rec"] = ControlMap.RecCc, ["mute"] = ControlMap.MuteCc, ["sample"] = ControlMap.RecordCc,
        ["delete"] = ControlMap.DeleteCc, ["jog_click"] = ControlMap.JogClickCc, ["track1"] = ControlMap.Track1Cc,
        ["track2"] = ControlMap.Track2Cc, ["track3"] = ControlMap.Track3Cc, ["track4"] = ControlMap.Track4Cc,
    };

    /// <summary>USB-MIDI packet as the mailbox carries it: byte 0 = cable &lt;&lt; 4 | CIN, then status, data1, data2.</summary>
    public static uint Packet(int cable, int status, int d1, int d2) =>
        new UsbMidiPacket((byte)((cable & 0xF) << 4 | (status >> 4 & 0xF)), (byte)status, (byte)(d1 & 0x7F), (byte)(d2 & 0x7F)).ToUInt32();

    /// <summary>All packets of a scenario with their send times, in time order.</summary>
    public static IReadOnlyList<(double AtMs, uint Packet)> Compile(Scenario scenario)
    {
        var list = new List<(double, uint)>();
        foreach (var e in scenario.Events)
        {
            switch (e.Type)
            {
                case "pad":
                    int note = e.Note ?? ControlMap.FirstPadNote + e.Pad!.Value - 1;
                    list.Add((e.AtMs, Packet(0, 0x90, note, e.Velocity)));
                    list.Add((e.AtMs + (e.DurationMs ?? 250), Packet(0, 0x80, note, 0)));
                    break;
                case "knob":
                    int cc = e.Knob switch { 9 => ControlMap.MasterCc, 10 => ControlMap.JogCc, _ => ControlMap.FirstKnobCc - 1 + e.Knob!.Value };
                    list.Add((e.AtMs, Packet(0, 0xB0, cc, e.Delta > 0 ? e.Delta : 128 + e.Delta)));
                    break;
                case "button":
                    int button = e.Cc ?? ButtonCc[e.Name!];
                    list.Add((e.AtMs, Packet(0, 0xB0, button, e.Pressed ? 127 : 0)));
                    if (e.Pressed && e.DurationMs is double held) list.Add((e.AtMs + held, Packet(0, 0xB0, button, 0)));
                    break;
                case "touch":
                    int touchNote = e.Knob switch { 9 => ControlMap.MasterTouchNote, 10 => ControlMap.JogTouchNote, _ => ControlMap.FirstKnobTouchNote + e.Knob!.Value - 1 };
                    list.Add((e.AtMs, e.Touched ? Packet(0, 0x90, touchNote, 127) : Packet(0, 0x80, touchNote, 0)));
                    break;
                case "midi":
                    var b = e.Bytes!;
                    list.Add((e.AtMs, Packet(e.Cable, b[0], b.Length > 1 ? b[1] : 0, b.Length > 2 ? b[2] : 0)));
                    break;
            }
        }
        return list.OrderBy(p => p.Item1).ToArray();
    }
}
