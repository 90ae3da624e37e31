using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>The host-start file holds one entry: <c>{"pendingSince","pendingSafeMode","unhealthyStarts":[…],"safeModeRequested"}</c>.</summary>
public sealed class HostStartCodec : IStateCodec<HostStartRecord>
{
    public string Key(HostStartRecord entry) => "host";

    public JsonObject Encode(HostStartRecord entry) => new()
    {
        ["pendingSince"] = entry.PendingSince is { } p ? JsonRead.Time(p) : null,
        ["pendingSafeMode"] = entry.PendingInSafeMode,
        ["unhealthyStarts"] = new JsonArray(entry.UnhealthyStarts.Select(t => (JsonNode)JsonRead.Time(t)).ToArray()),
        ["safeModeRequested"] = entry.SafeModeRequested,
    };

    public HostStartRecord? Decode(JsonElement e, List<string> problems)
    {
        var starts = new List<DateTimeOffset>();
        if (e.TryGetProperty("unhealthyStarts", out var a) && a.ValueKind == JsonValueKind.Array)
            foreach (var item in a.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(item.GetString(), out var t)) starts.Add(t);
                else problems.Add("an unhealthy-start time was unreadable; dropped");
        var pending = JsonRead.Time(e, "pendingSince");
        if (pending is null && e.TryGetProperty("pendingSince", out var p) && p.ValueKind != JsonValueKind.Null)
            problems.Add("pendingSince unreadable; dropped");
        return new HostStartRecord(pending, JsonRead.Bool(e, "pendingSafeMode") ?? false, starts.Order().ToList(),
            JsonRead.Bool(e, "safeModeRequested") ?? false);
    }
}
