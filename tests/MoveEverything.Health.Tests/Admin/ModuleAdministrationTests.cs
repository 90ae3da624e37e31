using MoveEverything.Health.Admin;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.States;
using MoveEverything.Health.Tests.Persistence;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Discovery;
using MoveEverything.Storage;

namespace MoveEverything.Health.Tests.Admin;

public sealed class ModuleAdministrationTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private DataPaths Paths => new(_dir.Path);

    private static readonly InstalledModule Wave = new("wave", "1.0.0", CapabilitySet.Of(UnsafeCapability.RawMidi), false);
    private static readonly InstalledModule Plain = new("plain", "2.0.0", CapabilitySet.Empty, false);

    private ModuleAdministration Open(params InstalledModule[] installed) =>
        new(Paths, new FixedInstalledModules(installed), _clock);

    [Fact]
    public void List_shows_installed_modules_with_state_reason_and_strikes()
    {
        var rows = Open(Wave, Plain).List();
        Assert.Equal(["plain", "wave"], rows.Select(r => r.Id));
        Assert.Equal(ModuleState.Stopped, rows[0].State);
        Assert.Equal(ModuleState.AwaitingConsent, rows[1].State);
        Assert.Equal("needs your OK to use raw_midi", rows[1].Reason);
        Assert.Equal(["raw_midi"], rows[1].UnsafeCapabilities);
        Assert.All(rows, r => Assert.Equal(0, r.Strikes));
    }

    [Fact]
    public void Disable_then_enable_round_trips_through_the_files()
    {
        Assert.True(Open(Plain).Disable("plain").Ok);
        var row = Open(Plain).List().Single();
        Assert.Equal(ModuleState.DisabledByUser, row.State);
        Assert.Equal("turned off by the user", row.Reason);

        var enabled = Open(Plain).Enable("plain");
        Assert.True(enabled.Ok);
        Assert.Equal("plain enabled (strikes cleared); it loads the next time it is used", enabled.Message);
        Assert.Equal(ModuleState.Stopped, Open(Plain).List().Single().State);
        Assert.Equal("plain is already enabled", Open(Plain).Enable("plain").Message);
    }

    [Fact]
    public void Allow_records_consent_at_the_installed_version_and_releases_the_module()
    {
        var result = Open(Wave).Allow("wave", "raw_midi");
        Assert.True(result.Ok);
        Assert.Equal("wave 1.0.0 may use raw_midi", result.Message);
        var row = Open(Wave).List().Single();
        Assert.Equal(ModuleState.Stopped, row.State);
        Assert.Equal(["raw_midi"], row.Granted);
        Assert.Equal("1.0.0", new Health.Consent.ConsentStore(Paths, _clock).GrantsOf("wave").Single().ModuleVersion);
    }

    [Theory]
    [InlineData("ghost", "raw_midi", AdminErrorKind.UnknownModule)]
    [InlineData("wave", "raw_midl", AdminErrorKind.UnknownCapability)]
    [InlineData("wave", "network", AdminErrorKind.CapabilityNotDeclared)]
    [InlineData("plain", "raw_midi", AdminErrorKind.CapabilityNotDeclared)]
    public void Allow_refuses_with_a_typed_error_and_writes_nothing(string id, string capability, AdminErrorKind expected)
    {
        var result = Open(Wave, Plain).Allow(id, capability);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.False(File.Exists(HealthFiles.Consent(Paths)));
    }

    [Fact]
    public void Unknown_modules_are_refused_for_enable_and_disable_when_discovery_is_available()
    {
        Assert.Equal(AdminErrorKind.UnknownModule, Open(Plain).Disable("ghost").Error);
        Assert.Equal(AdminErrorKind.UnknownModule, Open(Plain).Enable("ghost").Error);
    }

    [Fact]
    public void Without_discovery_a_safe_id_can_be_disabled_and_an_unsafe_one_cannot()
    {
        var admin = new ModuleAdministration(Paths, FixedInstalledModules.None, _clock);
        Assert.True(admin.Disable("future-module").Ok);
        Assert.Equal(AdminErrorKind.UnknownModule, admin.Disable("../etc").Error);
    }

    [Fact]
    public void Remembered_but_uninstalled_modules_are_listed_kept_and_reported()
    {
        Open(Plain, Wave).Disable("wave");
        var admin = Open(Plain);
        var note = Assert.Single(admin.Repairs);
        Assert.Equal(RepairKind.UnknownModule, note.Kind);
        var row = admin.List().Single(r => r.Id == "wave");
        Assert.False(row.Installed);
        Assert.Equal(ModuleState.DisabledByUser, row.State);
        Assert.True(admin.Enable("wave").Ok); // still reachable to clean up
    }

    [Fact]
    public void Discovery_feeds_the_capabilities_including_legacy_flags()
    {
        var folder = Path.Combine(Paths.Modules, "legacy");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"),
            """{"id":"legacy","name":"Legacy","version":"0.3.0","api_version":2,"raw_midi":true,"unsafe_capabilities":["network"]}""");
        var installed = FixedInstalledModules.From(ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = Paths.Modules }));
        var admin = new ModuleAdministration(Paths, installed, _clock);
        var row = admin.List().Single();
        Assert.Equal("legacy", row.Id);
        Assert.Equal(ModuleState.AwaitingConsent, row.State);
        Assert.Equal(["raw_midi", "network"], row.UnsafeCapabilities);
        Assert.True(admin.Allow("legacy", "raw_midi").Ok);
        Assert.Equal("needs your OK to use network", new ModuleAdministration(Paths, installed, _clock).List().Single().Reason);
    }

    public void Dispose() => _dir.Dispose();
}
