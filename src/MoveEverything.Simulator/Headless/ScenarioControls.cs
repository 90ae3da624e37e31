namespace MoveEverything.Simulator.Headless;

/// <summary>Turns scenario events into timed cable-0 USB-MIDI packets, using the Move control map (spec §7.6).</summary>
public static class ScenarioControls
{
    public const int FirstPadNote = 68, MasterCc = 79, JogCc = 14, VolumeTouchNote = 8, JogTouchNote = 9;

    public static readonly IReadOnlyDictionary<string, int> ButtonCc = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["shift"] = 49, ["menu"] = 50, ["back"] = 51, ["capture"] = 52, ["down"] = 54, ["up"] = 55, ["undo"] = 56,
        ["loop"] = 58, ["copy"] = 60, ["left"] = 62, ["right"] = 63, ["play"] = 85, ["rec"] = 86, ["mute"] = 88,
        ["sample"] = 118, ["delete"] = 119, ["jog_click"] = 3, ["track1"] = 43, ["track2"] = 42, ["track3"] = 41, ["track4"] = 40,
    };

    /// <summary>USB-MIDI packet as the mailbox carries it: byte 0 = cable &lt;&lt; 4 | CIN, then status, data1, data2.</summary>
    public static uint Packet(int cable, int status, int d1, int d2) =>
        (uint)((cable & 0xF) << 4 | (status >> 4 & 0xF)) | (uint)status << 8 | (uint)(d1 & 0x7F) << 16 | (uint)(d2 & 0x7F) << 24;

    /// <summary>All packets of a scenario with their send times, in time order.</summary>
    public static IReadOnlyList<(double AtMs, uint Packet)> Compile(Scenario scenario)
    {
        var list = new List<(double, uint)>();
        foreach (var e in scenario.Events)
        {
            switch (e.Type)
            {
                case "pad":
                    int note = e.Note ?? FirstPadNote + e.Pad!.Value - 1;
                    list.Add((e.AtMs, Packet(0, 0x90, note, e.Velocity)));
                    list.Add((e.AtMs + (e.DurationMs ?? 250), Packet(0, 0x80, note, 0)));
                    break;
                case "knob":
                    int cc = e.Knob switch { 9 => MasterCc, 10 => JogCc, _ => 70 + e.Knob!.Value };
                    list.Add((e.AtMs, Packet(0, 0xB0, cc, e.Delta > 0 ? e.Delta : 128 + e.Delta)));
                    break;
                case "button":
                    int button = e.Cc ?? ButtonCc[e.Name!];
                    list.Add((e.AtMs, Packet(0, 0xB0, button, e.Pressed ? 127 : 0)));
                    if (e.Pressed && e.DurationMs is double held) list.Add((e.AtMs + held, Packet(0, 0xB0, button, 0)));
                    break;
                case "touch":
                    int touchNote = e.Knob switch { 9 => VolumeTouchNote, 10 => JogTouchNote, _ => e.Knob!.Value - 1 };
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
