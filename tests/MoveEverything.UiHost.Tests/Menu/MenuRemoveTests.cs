using MoveEverything.Boot.SafeMode;
using MoveEverything.Health;
using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.States;
using MoveEverything.Modules.Installation;
using MoveEverything.Storage;
using MoveEverything.UiHost.Gate;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Session;
using MoveEverything.UiHost.Tests.Gate;

namespace MoveEverything.UiHost.Tests.Menu;

/// <summary>The menu's "Remove": offered whatever the verdict, confirmed, same code path as `mev modules remove`.</summary>
public class MenuRemoveTests
{
    private static readonly UiSafeMode Safe = new(SafeModeLevel.NoThirdPartyModules, "Safe mode: test");

    /// <summary>Records what the menu asked to remove and answers as told.</summary>
    private sealed class RecordingRemover(bool removes = true) : IModuleRemover
    {
        public List<string> Removed { get; } = [];
        public RemovalOutcome Remove(CatalogEntry entry, IReadOnlyList<CatalogEntry> installed)
        {
            Removed.Add(entry.Id);
            if (removes) Directory.Delete(entry.Folder, recursive: true);
            return new RemovalOutcome(removes, removes ? $"{entry.Id} removed" : "refused for a reason");
        }
    }

    private static UiHostLoop StartWith(GateHarness h, IModuleRemover remover, Func<SafeModeChoice, SafeModeActionResult>? choice = null)
    {
        var loop = h.Start(choice);
        loop.Menu.Remover = remover;
        loop.Menu.ShowRoot();
        return loop;
    }

    [Fact]
    public void A_ready_module_page_offers_Remove_which_asks_first_and_Cancel_changes_nothing()
    {
        using var h = new GateHarness();
        h.Add("seq");
        var remover = new RecordingRemover();
        StartWith(h, remover);
        h.Click("Overtake");
        h.Click("seq name");
        Assert.Contains("Open", h.Labels);
        h.Click("Remove");
        Assert.Equal("Remove seq name?", h.Host!.Menu.Current.Title);
        h.Click("Cancel");
        Assert.Equal("seq name", h.Host.Menu.Current.Title);
        Assert.Empty(remover.Removed);
    }

    [Fact]
    public void An_incompatible_module_can_be_removed_from_its_refusal_screen()
    {
        using var h = new GateHarness();
        h.Add("future", """, "min_host_version": "9.0.0", "api_version": 99 """);
        var remover = new RecordingRemover();
        var loop = StartWith(h, remover);
        loop.Open("future");
        Assert.StartsWith("Not started", loop.Menu.Current.Title);

        h.Click("Remove");
        h.Click("Remove");

        Assert.Equal(["future"], remover.Removed);
        Assert.Equal("Removed: future name", loop.Menu.Current.Title);
        Assert.Contains("future removed", h.ScreenText);
        h.Click("Back");
        Assert.Equal(1, loop.Menu.Depth);
        Assert.Equal("0", loop.Menu.Current.Items.Single(i => i.Label == "Overtake").Detail); // catalog re-read
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("consent")]
    public void Disabled_and_waiting_modules_offer_Remove_on_their_page(string state)
    {
        using var h = new GateHarness();
        h.Add("m", state == "consent" ? """, "unsafe_capabilities": ["network"]""" : "");
        if (state == "disabled") h.Registry.Disable("m");
        StartWith(h, new RecordingRemover());
        h.Click("Overtake");
        h.Click("m name");
        Assert.DoesNotContain("Open", h.Labels);
        Assert.Contains("Remove", h.Labels);
    }

    [Fact]
    public void A_refused_removal_shows_the_reason_and_keeps_the_module()
    {
        using var h = new GateHarness();
        h.Add("seq");
        var loop = StartWith(h, new RecordingRemover(removes: false));
        h.Click("Overtake");
        h.Click("seq name");
        h.Click("Remove");
        h.Click("Remove");
        Assert.Equal("Not removed: seq name", loop.Menu.Current.Title);
        Assert.Contains("refused for a reason", h.ScreenText);
        h.Click("Back");
        Assert.Equal("seq name", loop.Menu.Current.Title);
    }

    [Fact]
    public void In_host_safe_mode_third_party_modules_can_still_be_removed()
    {
        using var h = new GateHarness(Safe);
        h.Add("third");
        var remover = new RecordingRemover();
        var loop = StartWith(h, remover, c => new SafeModeActionResult(c, SafeModeFollowUp.StayInSafeMode, "ok"));
        h.Click("Settings");
        h.Click("Remove a module");
        h.Click("third name");
        h.Click("Remove");
        Assert.Equal(["third"], remover.Removed);
        Assert.Equal("Removed: third name", loop.Menu.Current.Title);
    }

    [Fact]
    public void Removing_a_module_that_sits_in_a_slot_clears_the_slot()
    {
        using var h = new GateHarness();
        h.Loop.AddModule("syn", "sound_generator", null, category: "sound_generators");
        var loop = StartWith(h, new RecordingRemover());
        h.Click("Sound generators");
        h.Click("syn name");
        h.Click("Load into slot 2");
        Assert.NotNull(loop.Menu.Slots.Get(new DspTarget(1, DspComponent.SoundGenerator)));
        h.Click("Remove");
        h.Click("Remove");
        Assert.Null(loop.Menu.Slots.Get(new DspTarget(1, DspComponent.SoundGenerator)));
        Assert.Null(h.Loop.Link.Assignments.Last().DspPath);
    }

    [Fact]
    public void The_administration_remover_deletes_the_folder_clears_state_and_refuses_built_ins()
    {
        using var h = new GateHarness();
        var folder = h.Add("m", """, "unsafe_capabilities": ["network"]""");
        h.AddBuiltIn("stock");
        var data = new DataPaths(h.Loop.Root); // its Modules folder is the harness's modules root
        var fileRegistry = new ModuleHealthRegistry(new FileModuleHealthStore(data), HealthPolicy.Default, TimeProvider.System);
        fileRegistry.Disable("m");
        new ConsentStore(data, TimeProvider.System).Grant("m", ["network"], "1.2.3");
        var loop = StartWith(h, new AdministrationRemover(data, h.Gate.IsBuiltIn, fileRegistry, h.Loop.Log));

        h.Click("Settings");
        h.Click("Remove a module");
        h.Click("stock name");
        h.Click("Remove");
        Assert.Equal("Not removed: stock name", loop.Menu.Current.Title);
        Assert.Contains("ships with the host", h.ScreenText);
        Assert.True(Directory.Exists(h.Entry("stock").Folder));

        loop.Menu.ShowRoot();
        h.Click("Settings");
        h.Click("Remove a module");
        h.Click("m name");
        h.Click("Remove");
        Assert.Equal("Removed: m name", loop.Menu.Current.Title);
        Assert.False(Directory.Exists(folder));
        Assert.Empty(ModuleTrash.Pending(data.Modules));
        Assert.Equal(ModuleState.Stopped, fileRegistry.StateOf("m").State); // live registry re-read the files
        Assert.Empty(new ConsentStore(data, TimeProvider.System).LoadAll().Entries);
    }

    [Fact]
    public void Creating_the_administration_remover_finishes_an_interrupted_removal()
    {
        using var h = new GateHarness();
        var folder = h.Add("m");
        var data = new DataPaths(h.Loop.Root);
        new ModuleHealthRegistry(new FileModuleHealthStore(data), HealthPolicy.Default, TimeProvider.System).Disable("m");
        Assert.True(ModuleTrash.MoveToTrash(folder, data.Modules, "m").Moved); // then "kill -9"

        var remover = new AdministrationRemover(data, _ => false, null, h.Loop.Log);

        Assert.StartsWith("finished removing m", Assert.Single(remover.FinishedAtStart));
        Assert.Empty(ModuleTrash.Pending(data.Modules));
        Assert.Empty(new FileModuleHealthStore(data).LoadAll().Entries);
    }
}
