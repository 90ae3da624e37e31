using System.Text.Json;
using MoveEverything.Simulator.Device;

namespace MoveEverything.Simulator.Web;

/// <summary>
/// One input message from the page (JSON text over the WebSocket), applied to the simulated Move:
/// <list type="bullet">
/// <item><c>{"t":"pad","i":0–31,"v":1–127}</c> press, <c>{"t":"padUp","i":…}</c> release, <c>{"t":"at","i":…,"p":0–127}</c> pressure</item>
/// <item><c>{"t":"step","i":0–15,"on":bool}</c></item>
/// <item><c>{"t":"turn","c":0–9,"d":±n}</c> (0–7 knobs, 8 master, 9 jog), <c>{"t":"touch","c":0–9,"on":bool}</c></item>
/// <item><c>{"t":"btn","cc":0–127,"on":bool}</c> (CC 3 = jog click)</item>
/// </list>
/// Anything else is rejected with a reason and never throws.
/// </summary>
public static class InputCommand
{
    /// <summary>Applies one message; returns null on success, else why it was rejected.</summary>
    public static string? Apply(SimulatedMove move, ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8Json.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("t", out var type) || type.ValueKind != JsonValueKind.String)
                return "message is not an object with a string \"t\"";
            switch (type.GetString())
            {
                case "pad": move.PressPad(Int(root, "i"), Int(root, "v", 100)); break;
                case "padUp": move.ReleasePad(Int(root, "i")); break;
                case "at": move.PadPressure(Int(root, "i"), Int(root, "p")); break;
                case "step":
                    if (Bool(root, "on")) move.PressStep(Int(root, "i")); else move.ReleaseStep(Int(root, "i"));
                    break;
                case "turn": Turn(move, Int(root, "c"), Math.Clamp(Int(root, "d"), -512, 512)); break;
                case "touch":
                    if (Bool(root, "on")) move.TouchKnob(Int(root, "c")); else move.ReleaseKnob(Int(root, "c"));
                    break;
                case "btn":
                    if (Bool(root, "on")) move.PressButton(Int(root, "cc")); else move.ReleaseButton(Int(root, "cc"));
                    break;
                default: return $"unknown message type \"{type.GetString()}\"";
            }
            return null;
        }
        catch (JsonException e) { return $"not JSON: {e.Message}"; }
        catch (ArgumentException e) { return e.Message; } // out-of-range control numbers
        catch (InvalidOperationException e) { return e.Message; } // wrong JSON value kinds
        catch (FormatException e) { return e.Message; }
        catch (KeyNotFoundException e) { return e.Message; }
    }

    private static void Turn(SimulatedMove move, int control, int delta)
    {
        switch (control)
        {
            case >= 0 and <= 7: move.TurnKnob(control, delta); break;
            case 8: move.TurnMaster(delta); break;
            case 9: move.TurnJog(delta); break;
            default: throw new ArgumentOutOfRangeException(nameof(control), control, "turn control is 0–9");
        }
    }

    private static int Int(JsonElement root, string name, int? fallback = null)
    {
        if (root.TryGetProperty(name, out var v)) return v.GetInt32();
        return fallback ?? throw new KeyNotFoundException($"missing \"{name}\"");
    }

    private static bool Bool(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.GetBoolean() : throw new KeyNotFoundException($"missing \"{name}\"");
}
