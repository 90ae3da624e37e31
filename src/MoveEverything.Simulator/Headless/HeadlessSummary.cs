using System.Text.Json.Serialization;

namespace MoveEverything.Simulator.Headless;

/// <summary>The one JSON object `mev sim --headless --json` prints.</summary>
public sealed record HeadlessSummary(
    [property: JsonPropertyName("blocks")] long Blocks,
    [property: JsonPropertyName("missed_blocks")] long MissedBlocks,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("realtime")] bool Realtime,
    [property: JsonPropertyName("restarts")] int Restarts,
    [property: JsonPropertyName("escapes")] long Escapes,
    [property: JsonPropertyName("slots")] IReadOnlyList<SlotSummary> Slots,
    [property: JsonPropertyName("modules")] IReadOnlyList<ModuleSummary> Modules,
    [property: JsonPropertyName("crashes")] IReadOnlyList<CrashSummary> Crashes,
    [property: JsonPropertyName("gc_collections")] long GcCollections,
    [property: JsonPropertyName("allocated_bytes")] long AllocatedBytes)
{
    /// <summary>The UI host at the end of the run; null with `--no-ui`.</summary>
    [JsonPropertyName("ui")] public UiSummary? Ui { get; init; }
}

/// <summary>
/// <c>attached</c>: the engine saw the UI host attach; <c>view</c>: "menu" or "module" (from the UI host's status
/// file at the end); <c>module</c>: the open module's id; <c>starts</c>: UI host processes started (1 + restarts).
/// </summary>
public sealed record UiSummary(
    [property: JsonPropertyName("attached")] bool Attached,
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("module")] string? Module,
    [property: JsonPropertyName("starts")] int Starts);

public sealed record SlotSummary(
    [property: JsonPropertyName("slot")] int Slot,
    [property: JsonPropertyName("module")] string? Module,
    [property: JsonPropertyName("peak")] double Peak);

/// <summary>A module in a chain slot (slot 1–4, position 0–3) or a UI module run by the UI host (slot 0, position -1).</summary>
public sealed record ModuleSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("slot")] int Slot,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("error")] string? Error);

public sealed record CrashSummary(
    [property: JsonPropertyName("module")] string Module,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("phase")] string Phase,
    [property: JsonPropertyName("description")] string Description);
