using MoveEverything.Health.Admin;
using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.States;
using MoveEverything.Health.Tests.Persistence;
using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Installation;
using MoveEverything.Storage;

namespace MoveEverything.Health.Tests.Admin;

/// <summary>`mev modules remove` / the menu's Remove: works in every state, refuses built-ins, survives a crash mid-way.</summary>
public sealed class ModuleRemovalTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private DataPaths Paths => new(_dir.Path);
    private string BuiltinRoot => Path.Combine(_dir.Path, "builtin");

    private string Install(string id, string extra = "", string? root = null)
    {
        var folder = Path.Combine(root ?? Paths.Modules, "tools", id);
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "module.json"),
            $$"""{"id":"{{id}}","name":"{{id}}","version":"1.0.0","component_type":"tool","api_version":2{{extra}}}""");
        File.WriteAllText(Path.Combine(folder, "ui.js"), "globalThis.tick = () => {};");
        File.WriteAllText(Path.Combine(folder, "assets", "big.bin"), new string('x', 4096));
        return folder;
    }

    private DiscoveryResult Discover() =>
        ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = Paths.Modules, BuiltinModulesRoot = BuiltinRoot });

    private ModuleAdministration Open() => new(Paths, FixedInstalledModules.From(Discover()), _clock);

    private ModuleHealthRegistry Registry() => new(new FileModuleHealthStore(Paths), HealthPolicy.Default, _clock);

    private CrashFingerprint Fault(string id) => new(id, "1.0.0", "0.1.0", FaultPhase.Render, "SIGSEGV", _clock.GetUtcNow());

    /// <summary>Puts the installed module "m" into the named state, as the host would have left it on disk.</summary>
    private void Arrange(string state)
    {
        switch (state)
        {
            case "disabled_by_user":
                Install("m");
                Registry().Disable("m");
                Assert.Equal(ModuleState.DisabledByUser, Open().List().Single().State);
                break;
            case "disabled_by_policy":
                Install("m");
                var registry = Registry();
                for (var i = 0; i < HealthPolicy.Default.StrikeLimit; i++) registry.ReportFault(Fault("m"));
                Assert.Equal(ModuleState.DisabledByPolicy, registry.StateOf("m").State);
                break;
            case "crashed": Install("m"); Registry().ReportFault(Fault("m")); Assert.Equal(1, Open().List().Single().Strikes); break;
            case "awaiting_consent":
                Install("m", ""","unsafe_capabilities":["raw_midi","network"]""");
                new ConsentStore(Paths, _clock).Grant("m", ["raw_midi"], "1.0.0"); // half agreed: still waiting for network
                Assert.Equal(["network"], Open().List().Single().Pending);
                break;
            case "refused": Install("m", ""","min_host_version":"9.0.0" """); Assert.Equal("needs-newer-host", Open().List().Single().ReasonCode); break;
            default: Install("m"); break;
        }
    }

    [Theory]
    [InlineData("stopped")]
    [InlineData("disabled_by_user")]
    [InlineData("disabled_by_policy")]
    [InlineData("crashed")]
    [InlineData("awaiting_consent")]
    [InlineData("refused")]
    public void Remove_works_in_every_state_and_leaves_nothing_behind(string state)
    {
        Arrange(state);
        var folder = Discover().Find("m")!.Folder;

        var result = Open().Remove("m");

        Assert.True(result.Ok, result.Message);
        Assert.StartsWith("m 1.0.0 removed; ", result.Message);
        Assert.EndsWith("a reinstall starts fresh", result.Message);
        Assert.False(Directory.Exists(folder));
        Assert.Null(Discover().Find("m"));
        Assert.Empty(ModuleTrash.Pending(Paths.Modules));
        Assert.Empty(new FileModuleHealthStore(Paths).LoadAll().Entries);
        Assert.Empty(new ConsentStore(Paths, _clock).LoadAll().Entries);
        Assert.DoesNotContain(Open().List(), r => r.Id == "m");
    }

    [Fact]
    public void The_message_says_what_was_cleared()
    {
        Install("m", ""","unsafe_capabilities":["raw_midi"]""");
        var registry = Registry();
        registry.ReportFault(Fault("m"));
        registry.Disable("m");
        new ConsentStore(Paths, _clock).Grant("m", ["raw_midi"], "1.0.0");

        var result = Open().Remove("m");

        Assert.Equal("m 1.0.0 removed; cleared its disable mark (turned off by the user), 1 strike(s), consent to raw_midi, " +
            "so a reinstall starts fresh", result.Message);
    }

    [Fact]
    public void A_reinstall_after_removal_starts_fresh()
    {
        Arrange("disabled_by_policy");
        Assert.True(Open().Remove("m").Ok);
        Install("m");
        var row = Open().List().Single(r => r.Id == "m");
        Assert.Equal(ModuleState.Stopped, row.State);
        Assert.Equal(0, row.Strikes);
    }

    [Fact]
    public void A_built_in_module_is_refused_with_a_reason_and_kept()
    {
        var folder = Install("core", root: BuiltinRoot);
        Registry().Disable("core");

        var result = Open().Remove("core");

        Assert.Equal(AdminErrorKind.BuiltInModule, result.Error);
        Assert.Equal("core ships with the host and cannot be removed; disable it instead (mev modules disable core)", result.Message);
        Assert.True(File.Exists(Path.Combine(folder, "module.json")));
        Assert.Equal(ModuleState.DisabledByUser, Registry().StateOf("core").State); // state untouched too
    }

    [Fact]
    public void An_unknown_id_is_a_typed_error()
    {
        Install("m");
        var result = Open().Remove("ghost");
        Assert.Equal(AdminErrorKind.UnknownModule, result.Error);
        Assert.Equal("no module \"ghost\" is installed or remembered", result.Message);
        Assert.NotNull(Discover().Find("m"));
    }

    [Fact]
    public void A_module_only_remembered_has_its_state_cleared()
    {
        Registry().Disable("gone");
        var result = Open().Remove("gone");
        Assert.True(result.Ok, result.Message);
        Assert.Equal("gone is not installed; cleared its disable mark (turned off by the user), so a reinstall starts fresh", result.Message);
        Assert.Empty(new FileModuleHealthStore(Paths).LoadAll().Entries);
    }

    [Fact]
    public void A_crash_between_the_rename_and_the_delete_leaves_the_module_gone_and_the_next_start_finishes()
    {
        Arrange("disabled_by_user");
        new ConsentStore(Paths, _clock).Grant("m", ["raw_midi"], "1.0.0");
        var folder = Discover().Find("m")!.Folder;

        // What Remove does first, then "kill -9": the state is not cleared and the trash is not purged.
        var moved = ModuleTrash.MoveToTrash(folder, Paths.Modules, "m");
        Assert.True(moved.Moved, moved.Reason);

        Assert.Null(Discover().Find("m"));                           // never half a module: it is simply gone
        Assert.Empty(Discover().Unreadable);
        Assert.Single(ModuleTrash.Pending(Paths.Modules));

        var next = Open();                                           // the next start
        var finished = Assert.Single(next.FinishedRemovals);
        Assert.Equal("finished removing m (interrupted earlier); cleared its disable mark (turned off by the user), consent to raw_midi, " +
            "so a reinstall starts fresh", finished);
        Assert.Empty(ModuleTrash.Pending(Paths.Modules));
        Assert.Empty(new FileModuleHealthStore(Paths).LoadAll().Entries);
        Assert.Empty(new ConsentStore(Paths, _clock).LoadAll().Entries);
        Assert.Empty(Open().FinishedRemovals);
    }

    [Fact]
    public void A_crash_after_the_state_was_cleared_only_leaves_trash_that_the_next_start_deletes()
    {
        Install("m");
        var moved = ModuleTrash.MoveToTrash(Discover().Find("m")!.Folder, Paths.Modules, "m");
        Assert.True(moved.Moved);
        Install("m"); // reinstalled before the next start: its (new) state is its own, only the trash goes
        Registry().Disable("m");

        var next = Open();

        Assert.Equal("finished removing m (interrupted earlier)", Assert.Single(next.FinishedRemovals));
        Assert.Empty(ModuleTrash.Pending(Paths.Modules));
        Assert.Equal(ModuleState.DisabledByUser, Registry().StateOf("m").State);
        Assert.NotNull(Discover().Find("m"));
    }

    public void Dispose() => _dir.Dispose();
}
