using MoveEverything.Hardware;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Input;

/// <summary>
/// Folds a tick's relative encoder events (knobs CC71–78, jog CC14, and the volume knob CC79 when the module
/// claims it) into one synthetic CC per encoder, as the original does (§4.4): the signed sum clamped to ±63,
/// sent as 1–63 for clockwise and 128−n for counter-clockwise. A sum of zero sends nothing. Other events keep
/// their order and come first; the batched encoder CCs follow, in order of each encoder's first event.
/// </summary>
public static class EncoderBatcher
{
    public static List<InputEvent> Batch(IReadOnlyList<InputEvent> events, bool volumeClaimed)
    {
        var result = new List<InputEvent>(events.Count);
        var sums = new List<(byte Cable, byte Status, byte Cc, int Sum)>();
        foreach (var e in events)
        {
            if (!IsEncoder(e, volumeClaimed))
            {
                result.Add(e);
                continue;
            }
            var delta = e.Data2 is >= 1 and <= 63 ? e.Data2 : e.Data2 is >= 65 and <= 127 ? e.Data2 - 128 : 0;
            var at = sums.FindIndex(s => s.Cc == e.Data1 && s.Status == e.Status);
            if (at < 0) sums.Add((e.Cable, e.Status, e.Data1, delta));
            else sums[at] = sums[at] with { Sum = sums[at].Sum + delta };
        }
        foreach (var (cable, status, cc, sum) in sums)
        {
            if (sum == 0) continue;
            var clamped = Math.Clamp(sum, -63, 63);
            result.Add(new InputEvent(cable, status, cc, (byte)(clamped > 0 ? clamped : 128 + clamped)));
        }
        return result;
    }

    private static bool IsEncoder(InputEvent e, bool volumeClaimed) =>
        e.IsInternal && e.IsControlChange &&
        (IsKnobOrJog(e.Data1) || (volumeClaimed && e.Data1 == ControlMap.MasterCc));

    private static bool IsKnobOrJog(byte cc) =>
        cc == ControlMap.JogCc || (cc >= ControlMap.FirstKnobCc && cc < ControlMap.FirstKnobCc + ControlMap.Knobs);
}
