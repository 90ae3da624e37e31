using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Health.Records;
using MoveEverything.Health.States;

namespace MoveEverything.Health.Persistence;

/// <summary>
/// One line per module: <c>{"module":…,"disabled":{"by","reason","at"},"strikes":[{fingerprint}…]}</c>.
/// Fails closed: a disable mark that is present but damaged still disables the module (with a reason
/// saying so), because starting a module the user or the policy turned off is the worse mistake.
/// </summary>
public sealed class ModuleHealthCodec : IStateCodec<ModuleHealthRecord>
{
    public string Key(ModuleHealthRecord entry) => entry.ModuleId;

    public JsonObject Encode(ModuleHealthRecord entry)
    {
        var json = new JsonObject { ["module"] = entry.ModuleId };
        if (entry.Disabled is { } d)
            json["disabled"] = new JsonObject
            {
                ["by"] = d.By.ToString().ToLowerInvariant(), ["reason"] = d.Reason, ["at"] = JsonRead.Time(d.At),
            };
        json["strikes"] = new JsonArray(entry.Strikes.Select(s => (JsonNode)new JsonObject
        {
            ["version"] = s.ModuleVersion, ["host"] = s.HostVersion, ["phase"] = s.Phase.ToString().ToLowerInvariant(),
            ["cause"] = s.Cause, ["at"] = JsonRead.Time(s.At), ["restore"] = s.DuringRestore,
        }).ToArray());
        return json;
    }

    public ModuleHealthRecord? Decode(JsonElement e, List<string> problems)
    {
        if (JsonRead.Id(e, "module") is not { } id) { problems.Add("no readable module id"); return null; }
        DisableMark? disabled = null;
        if (e.TryGetProperty("disabled", out var d) && d.ValueKind != JsonValueKind.Null)
            disabled = DecodeMark(id, d, problems);
        var strikes = new List<CrashFingerprint>();
        if (e.TryGetProperty("strikes", out var s) && s.ValueKind == JsonValueKind.Array)
        {
            int n = 0;
            foreach (var item in s.EnumerateArray())
            {
                n++;
                if (DecodeStrike(id, item) is { } fp) strikes.Add(fp);
                else problems.Add($"{id}: strike {n} unreadable; dropped");
            }
        }
        return new ModuleHealthRecord(id, disabled, strikes.OrderBy(x => x.At).ToList());
    }

    private static DisableMark DecodeMark(string id, JsonElement d, List<string> problems)
    {
        var by = d.ValueKind == JsonValueKind.Object ? JsonRead.Enum<DisabledBy>(d, "by") : null;
        var reason = d.ValueKind == JsonValueKind.Object ? JsonRead.String(d, "reason") : null;
        var at = d.ValueKind == JsonValueKind.Object ? JsonRead.Time(d, "at") : null;
        if (by is null || reason is null || at is null)
            problems.Add($"{id}: disable mark partly unreadable; the module stays disabled");
        return new DisableMark(by ?? DisabledBy.Policy,
            reason ?? "disabled (the reason was lost in a damaged state file); re-enable to try it again",
            at ?? DateTimeOffset.UnixEpoch);
    }

    private static CrashFingerprint? DecodeStrike(string id, JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object) return null;
        if (JsonRead.Time(s, "at") is not { } at || JsonRead.Enum<FaultPhase>(s, "phase") is not { } phase) return null;
        return new CrashFingerprint(id, JsonRead.String(s, "version") ?? "?", JsonRead.String(s, "host") ?? "?",
            phase, JsonRead.String(s, "cause") ?? "unknown fault", at, JsonRead.Bool(s, "restore") ?? false);
    }
}
