using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// A timed list of control events played against the simulated Move (format: docs/SCENARIOS.md).
/// Loading never throws: a bad file gives <see cref="ScenarioLoad.Error"/> naming the event and the problem.
/// </summary>
public sealed record Scenario(IReadOnlyList<ScenarioEvent> Events)
{
    public static readonly Scenario Empty = new([]);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static ScenarioLoad Load(string path)
    {
        if (!File.Exists(path)) return new(null, $"scenario file {path} does not exist");
        try { return Parse(File.ReadAllText(path)); }
        catch (IOException e) { return new(null, $"cannot read {path}: {e.Message}"); }
    }

    public static ScenarioLoad Parse(string json)
    {
        ScenarioFile? file;
        try { file = JsonSerializer.Deserialize<ScenarioFile>(json, Json); }
        catch (JsonException e) { return new(null, $"scenario is not valid JSON: {e.Message}"); }
        if (file?.Events == null) return new(null, "scenario has no \"events\" array");
        for (int i = 0; i < file.Events.Count; i++)
        {
            var problem = file.Events[i].Validate();
            if (problem != null) return new(null, $"event {i} ({file.Events[i].Type}): {problem}");
        }
        return new(new Scenario(file.Events.OrderBy(e => e.AtMs).ToArray()), null);
    }

    private sealed record ScenarioFile([property: JsonPropertyName("events")] List<ScenarioEvent>? Events);
}

public sealed record ScenarioLoad(Scenario? Scenario, string? Error);

/// <summary>
/// One timed event. <c>type</c>: pad | knob | button | touch | midi.
/// pad: <c>pad</c> 1–32 (bottom-left → top-right) or <c>note</c> 68–99, <c>velocity</c> (default 100), <c>duration_ms</c> (default 250).
/// knob: <c>knob</c> 1–8, 9 = master volume, 10 = jog; <c>delta</c> detents (+ clockwise).
/// button: <c>cc</c> (e.g. 49 Shift) or <c>name</c>; <c>pressed</c> (default true); <c>duration_ms</c> releases it after.
/// touch: <c>knob</c> 1–8, 9 = volume, 10 = jog; <c>touched</c> (default true).
/// midi: raw <c>bytes</c> [status, d1, d2] on <c>cable</c> (default 0).
/// </summary>
public sealed record ScenarioEvent
{
    public double AtMs { get; init; }
    public string Type { get; init; } = "";
    public int? Pad { get; init; }
    public int? Note { get; init; }
    public int Velocity { get; init; } = 100;
    public double? DurationMs { get; init; }
    public int? Knob { get; init; }
    public int Delta { get; init; }
    public int? Cc { get; init; }
    public string? Name { get; init; }
    public bool Pressed { get; init; } = true;
    public bool Touched { get; init; } = true;
    public int Cable { get; init; }
    public int[]? Bytes { get; init; }

    internal string? Validate() => Type switch
    {
        _ when AtMs < 0 => "at_ms must be ≥ 0",
        "pad" when Pad is null && Note is null => "needs \"pad\" (1–32) or \"note\" (68–99)",
        "pad" when Pad is < 1 or > 32 => "pad must be 1–32",
        "pad" when Note is < 68 or > 99 => "note must be 68–99",
        "pad" when Velocity is < 1 or > 127 => "velocity must be 1–127",
        "knob" when Knob is null or < 1 or > 10 => "knob must be 1–8, 9 (master) or 10 (jog)",
        "knob" when Delta is 0 or < -63 or > 63 => "delta must be ±1–63",
        "button" when Cc is null && (Name == null || !ScenarioControls.ButtonCc.ContainsKey(Name)) =>
            $"needs \"cc\" or a \"name\" among {string.Join(", ", ScenarioControls.ButtonCc.Keys)}",
        "touch" when Knob is null or < 1 or > 10 => "knob must be 1–8, 9 (volume) or 10 (jog)",
        "midi" when Bytes is not { Length: >= 1 and <= 3 } => "bytes must hold 1–3 MIDI bytes",
        "pad" or "knob" or "button" or "touch" or "midi" => null,
        _ => "type must be pad, knob, button, touch or midi",
    };
}
