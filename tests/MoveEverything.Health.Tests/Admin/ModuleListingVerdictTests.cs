using MoveEverything.Health.Admin;
using MoveEverything.Health.States;
using MoveEverything.Health.Tests.Persistence;
using MoveEverything.Modules.Discovery;
using MoveEverything.Storage;

namespace MoveEverything.Health.Tests.Admin;

/// <summary>`mev modules list` shows what the load gate would say: Refused with the typed reason, or waiting for consent.</summary>
public sealed class ModuleListingVerdictTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private DataPaths Paths => new(_dir.Path);

    private void Install(string id, string extra)
    {
        var folder = Path.Combine(Paths.Modules, "tools", id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"),
            $$"""{"id":"{{id}}","name":"{{id}}","version":"1.0.0","component_type":"tool"{{extra}}}""");
    }

    private ModuleAdministration Open() =>
        new(Paths, FixedInstalledModules.From(ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = Paths.Modules })), _clock);

    private ModuleListing Row(string id) => Open().List().Single(r => r.Id == id);

    [Fact]
    public void An_incompatible_manifest_is_listed_as_refused_with_the_typed_reason()
    {
        Install("future", ""","api_version":99,"min_host_version":"9.0.0" """);
        var row = Row("future");
        Assert.Equal(ModuleState.Refused, row.State);
        Assert.Equal("refused", ModuleStateNames.Json(row.State));
        Assert.Equal("needs-newer-host", row.ReasonCode); // the first refusal, as on the display
        Assert.Equal($"needs host 9.0.0 or newer; this host is {Modules.Compatibility.HostIdentity.CurrentVersionText}. Update the host, or install an older version of the module", row.Reason);
        Assert.Null(row.Pending);
    }

    [Theory]
    [InlineData(""","min_host_version":"9.0.0" """, "needs-newer-host", "9.0.0")]
    [InlineData(""","api_version":99 """, "abi-too-new", "99")]
    [InlineData(""","unsafe_capabilities":["raw_midl"] """, "unknown-capability", "raw_midl")]
    public void Each_refusal_names_its_cause(string extra, string code, string inReason)
    {
        Install("m", extra);
        var row = Row("m");
        Assert.Equal(ModuleState.Refused, row.State);
        Assert.Equal(code, row.ReasonCode);
        Assert.Contains(inReason, row.Reason);
    }

    [Fact]
    public void An_unsafe_capability_without_consent_is_listed_as_waiting_with_the_capabilities_pending()
    {
        Install("net", ""","unsafe_capabilities":["network","spawn_processes"]""");
        var row = Row("net");
        Assert.Equal(ModuleState.AwaitingConsent, row.State);
        Assert.Equal(["network", "spawn_processes"], row.Pending);
        Assert.Null(row.ReasonCode);

        Assert.True(Open().Allow("net", "network").Ok);
        Assert.Equal(["spawn_processes"], Row("net").Pending);
        Assert.True(Open().Allow("net", "spawn_processes").Ok);
        Assert.Equal(ModuleState.Stopped, Row("net").State);
        Assert.Null(Row("net").Pending);
    }

    [Fact]
    public void Disabled_wins_over_refused_as_at_load_and_a_compatible_module_stays_stopped()
    {
        Install("future", ""","min_host_version":"9.0.0" """);
        Install("fine", "");
        Assert.True(Open().Disable("future").Ok);
        Assert.Equal(ModuleState.DisabledByUser, Row("future").State);
        Assert.Equal(ModuleState.Stopped, Row("fine").State);
        Assert.Null(Row("fine").ReasonCode);
        Assert.True(Open().Enable("future").Ok);
        Assert.Equal(ModuleState.Refused, Row("future").State);
    }

    [Fact]
    public void A_folder_whose_module_json_cannot_be_read_is_listed_refused_under_its_folder_name_and_can_be_removed()
    {
        var folder = Path.Combine(Paths.Modules, "tools", "broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"), "{ \"id\": \"broken\", ");
        var row = Row("broken");
        Assert.Equal(ModuleState.Refused, row.State);
        Assert.Equal("invalid-manifest", row.ReasonCode);
        Assert.StartsWith("module.json could not be read: ", row.Reason);

        var removed = Open().Remove("broken");
        Assert.True(removed.Ok, removed.Message);
        Assert.StartsWith("broken removed; ", removed.Message);
        Assert.False(Directory.Exists(folder));
    }

    public void Dispose() => _dir.Dispose();
}
