using System.Text.Json;
using System.Text.Json.Serialization;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// The UI host's status file as `mev sim` reads it (written by MoveEverything.UiHost.Session.UiStatusFile):
/// the current view and each module's health state. Reading never throws: a missing or torn file gives null.
/// </summary>
public sealed record UiStatus(
    [property: JsonPropertyName("view")] string View,
    [property: JsonPropertyName("module")] string? Module,
    [property: JsonPropertyName("modules")] IReadOnlyList<UiModuleStatus> Modules)
{
    public static UiStatus? TryRead(string path)
    {
        try { return File.Exists(path) ? JsonSerializer.Deserialize<UiStatus>(File.ReadAllText(path)) : null; }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException) { return null; }
    }
}

public sealed record UiModuleStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("error")] string? Error);
