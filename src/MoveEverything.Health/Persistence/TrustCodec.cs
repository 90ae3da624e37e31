using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>
/// One line per module: <c>{"module","version","cleanLoads","cleanRunSeconds","faults","since","lastFault"}</c>.
/// Fails closed: unreadable counters of clean loads or run time read as 0 (back on probation), an unreadable fault
/// count as 1 (faulted): a damaged file can cost a module its trust, never give it trust it had not earned.
/// </summary>
public sealed class TrustCodec : IStateCodec<TrustRecord>
{
    public string Key(TrustRecord entry) => entry.ModuleId;

    public JsonObject Encode(TrustRecord entry) => new()
    {
        ["module"] = entry.ModuleId, ["version"] = entry.ModuleVersion, ["cleanLoads"] = entry.CleanLoads,
        ["cleanRunSeconds"] = Math.Round(entry.CleanRunTime.TotalSeconds, 3), ["faults"] = entry.Faults,
        ["since"] = JsonRead.Time(entry.Since), ["lastFault"] = entry.LastFault is { } f ? JsonRead.Time(f) : null,
    };

    public TrustRecord? Decode(JsonElement e, List<string> problems)
    {
        if (JsonRead.Id(e, "module") is not { } id) { problems.Add("no readable module id"); return null; }
        var version = JsonRead.String(e, "version");
        var loads = Count(e, "cleanLoads");
        var seconds = e.TryGetProperty("cleanRunSeconds", out var s) && s.ValueKind == JsonValueKind.Number
            && s.TryGetDouble(out var d) && d >= 0 && d < TimeSpan.MaxValue.TotalSeconds ? d : (double?)null;
        var faults = Count(e, "faults");
        var since = JsonRead.Time(e, "since");
        if (version is null || loads is null || seconds is null || faults is null || since is null)
            problems.Add($"{id}: trust record partly unreadable; it counts as a new module{(faults is null ? " that faulted" : "")}");
        return new TrustRecord(id, version ?? "?", loads ?? 0, TimeSpan.FromSeconds(seconds ?? 0), faults ?? 1,
            since ?? DateTimeOffset.UnixEpoch, JsonRead.Time(e, "lastFault"));
    }

    private static int? Count(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0 ? n : null;
}
