using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>One line per grant: <c>{"module","capability","moduleVersion","at"}</c>. A grant whose module or
/// capability cannot be read is dropped (fail closed: the user is asked again).</summary>
public sealed class ConsentCodec : IStateCodec<ConsentGrant>
{
    public string Key(ConsentGrant entry) => entry.ModuleId + "\n" + entry.Capability;

    public JsonObject Encode(ConsentGrant entry) => new()
    {
        ["module"] = entry.ModuleId, ["capability"] = entry.Capability,
        ["moduleVersion"] = entry.ModuleVersion, ["at"] = JsonRead.Time(entry.At),
    };

    public ConsentGrant? Decode(JsonElement e, List<string> problems)
    {
        var module = JsonRead.Id(e, "module");
        var capability = JsonRead.Id(e, "capability");
        if (module is null || capability is null) { problems.Add("grant without a readable module or capability; the user will be asked again"); return null; }
        var version = JsonRead.String(e, "moduleVersion");
        var at = JsonRead.Time(e, "at");
        if (version is null || at is null) problems.Add($"{module}/{capability}: version or time unreadable; grant kept");
        return new ConsentGrant(module, capability, version ?? "?", at ?? DateTimeOffset.UnixEpoch);
    }
}
