using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Tests.Menu;

public class SystemMenuTests
{
    private static void Turn(LoopHarness h, int steps)
    {
        h.Link.Inject(InputEvent.Cc(14, (byte)(steps > 0 ? steps : 128 + steps)));
        h.Loop!.Tick();
    }

    private static void Click(LoopHarness h) { h.Press(3); h.Loop!.Tick(); }
    private static void Back(LoopHarness h) { h.Press(51); h.Loop!.Tick(); }

    private static void Select(LoopHarness h, string label)
    {
        var index = h.Loop!.Menu.Current.Items.ToList().FindIndex(i => i.Label == label);
        Assert.True(index >= 0, $"'{label}' not on page {h.Loop.Menu.Current.Title}: {string.Join(", ", h.Loop.Menu.Current.Items.Select(i => i.Label))}");
        Turn(h, index - h.Loop.Menu.Current.Selected);
        Click(h);
    }

    [Fact]
    public void Root_lists_categories_with_counts_then_slots_and_settings()
    {
        using var h = new LoopHarness();
        h.AddModule("syn", "sound_generator", null, category: "sound_generators");
        h.AddModule("seq", "overtake", "");
        var menu = h.Start().Menu;
        var items = menu.Current.Items;
        Assert.Equal("Sound generators", items[0].Label);
        Assert.Equal("1", items[0].Detail);
        Assert.Equal("1", items.Single(i => i.Label == "Overtake").Detail);
        Assert.Equal(["Slots", "Settings"], items.TakeLast(2).Select(i => i.Label));
    }

    [Fact]
    public void Jog_browses_into_a_module_page_showing_version_and_state_and_back_goes_up()
    {
        using var h = new LoopHarness();
        h.AddModule("seq", "overtake", "");
        h.Start();
        Select(h, "Overtake");
        Assert.Equal("Overtake", h.Loop!.Menu.Current.Title);
        Select(h, "seq name");
        var page = h.Loop.Menu.Current;
        Assert.Equal("1.2.3", page.Items.Single(i => i.Label == "Version").Detail);
        Assert.Equal("ready", page.Items.Single(i => i.Label == "State").Detail);
        Back(h);
        Back(h);
        Assert.Equal(1, h.Loop.Menu.Depth);
        Back(h); // Back at the root stays at the root
        Assert.Equal(1, h.Loop.Menu.Depth);
    }

    [Fact]
    public void Open_from_the_menu_starts_the_overtake_module_and_escape_returns_to_the_menu()
    {
        using var h = new LoopHarness();
        h.AddModule("seq", "overtake", "globalThis.tick = () => {};");
        h.Start();
        Select(h, "Overtake");
        Select(h, "seq name");
        Select(h, "Open");
        Assert.Equal("seq", h.Loop!.Active?.Launch.Id);
        h.Escape();
        h.Loop.Tick();
        Assert.Null(h.Loop.Active);
        Assert.Equal("seq name", h.Loop.Menu.Current.Title); // the user is back where they were
    }

    [Fact]
    public void Load_into_slot_sends_the_assignment_and_the_slot_page_offers_the_editor()
    {
        using var h = new LoopHarness();
        h.AddModule("syn", "sound_generator", null, category: "sound_generators",
            uiChainJs: "globalThis.chain_ui = { tick() { host_module_set_param('seen', '1'); } };");
        h.Start();
        Select(h, "Sound generators");
        Select(h, "syn name");
        Select(h, "Load into slot 2");
        var assignment = Assert.Single(h.Link.Assignments);
        Assert.Equal(new DspTarget(1, DspComponent.SoundGenerator), assignment.Target);
        Assert.Equal("syn", assignment.ModuleId);
        Assert.Equal("syn name in slot 2", h.Loop!.Toast);

        Back(h); Back(h); Back(h);
        Select(h, "Slots");
        Assert.Equal("syn name", h.Loop.Menu.Current.Items[1].Detail);
        Select(h, "Slot 2");
        Select(h, "Edit syn name");
        Assert.NotNull(h.Loop.Active);
        h.Loop.Tick();
        Assert.Equal("1", h.Link.GetParam(new DspTarget(1, DspComponent.SoundGenerator), "seen")); // editor talks to slot 2's DSP
        Back(h); // Back leaves a component editor (no raw_ui)
        Assert.Null(h.Loop.Active);
        Select(h, "Remove syn name");
        Assert.Null(h.Link.Assignments.Last().DspPath);
    }

    [Fact]
    public void Engine_refusal_of_a_slot_load_is_shown()
    {
        using var h = new LoopHarness();
        h.AddModule("syn", "sound_generator", null, category: "sound_generators");
        h.Link.RefuseAssignmentsWith = "no such file";
        h.Start();
        Select(h, "Sound generators");
        Select(h, "syn name");
        Select(h, "Load into slot 1");
        Assert.Equal("Slot 1: no such file", h.Loop!.Toast);
    }

    [Fact]
    public void Settings_page_shows_the_tick_rate_and_rescans()
    {
        using var h = new LoopHarness();
        h.Start();
        Select(h, "Settings");
        Assert.Equal("60 Hz", h.Loop!.Menu.Current.Items.Single(i => i.Label == "UI tick rate").Detail);
        h.AddModule("late", "tool", "", category: "tools");
        Select(h, "Rescan modules");
        Assert.Single(h.Catalog.Modules);
    }

    [Fact]
    public void Menu_frames_are_1024_bytes_and_change_when_the_selection_moves()
    {
        using var h = new LoopHarness();
        h.Start();
        h.Loop!.Tick();
        var before = h.Link.LastFrame!;
        Assert.Equal(1024, before.Length);
        Turn(h, 1);
        Assert.False(before.AsSpan().SequenceEqual(h.Link.LastFrame!));
    }

    [Fact]
    public void Hidden_modules_and_missing_requires_path_are_not_listed_and_first_id_wins()
    {
        using var h = new LoopHarness();
        h.AddModule("a", "tool", "", """, "hidden": true""", category: "tools");
        h.AddModule("b", "tool", "", """, "requires_path": "/no/such/path" """, category: "tools");
        h.AddModule("dup", "overtake", "", category: "overtake");
        h.AddModule("dup", "tool", "", category: "tools");
        h.Start();
        var ids = h.Catalog.Modules.Select(m => m.Id).ToList();
        Assert.Equal(["dup"], ids);
        Assert.Equal("overtake", h.Catalog.Modules[0].Manifest.ComponentType);
    }
}
