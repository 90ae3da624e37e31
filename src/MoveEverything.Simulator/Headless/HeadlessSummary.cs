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
    [property: JsonPropertyName("allocated_bytes")] long AllocatedBytes);

public sealed record SlotSummary(
    [property: JsonPropertyName("slot")] int Slot,
    [property: JsonPropertyName("module")] string? Module,
    [property: JsonPropertyName("peak")] double Peak);

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
