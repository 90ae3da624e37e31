using MoveEverything.Health.States;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Tests.Gate;

/// <summary>The gate as the user meets it: refusal and consent screens before any module code or DSP load.</summary>
public class MenuGateTests
{
    [Fact]
    public void Opening_an_incompatible_module_shows_a_screen_naming_it_and_the_reason_and_runs_nothing()
    {
        using var h = new GateHarness();
        h.Add("future", """, "min_host_version": "9.0.0" """);
        var loop = h.Start();

        Assert.True(loop.Open("future"));

        Assert.Null(loop.Active);
        Assert.Equal("Not started: future name", loop.Menu.Current.Title);
        Assert.Contains("needs host 9.0.0 or newer", h.ScreenText);
        Assert.Contains("installed by hand", h.ScreenText); // the load-time warning for a manually installed module
        Assert.Empty(h.Loop.Link.Assignments);
        Assert.Equal(ModuleState.Refused, h.Registry.StateOf("future").State);
        h.Click("Back");
        Assert.Equal("Move Everything", loop.Menu.Current.Title);
    }

    [Fact]
    public void The_refusal_screen_offers_a_way_out_that_always_works()
    {
        using var h = new GateHarness();
        h.Add("future", """, "min_host_version": "9.0.0" """);
        var loop = h.Start();
        loop.Open("future");

        h.Click("Turn off");

        Assert.Equal(ModuleState.DisabledByUser, h.Registry.StateOf("future").State);
        Assert.Equal("future name: disabled", loop.Menu.Notice);
        loop.Open("future"); // now refused as disabled: the screen offers to turn it back on
        Assert.Contains("Turn on", h.Labels);
    }

    [Fact]
    public void Putting_an_incompatible_effect_into_a_slot_sends_nothing_to_the_engine()
    {
        using var h = new GateHarness();
        h.Loop.AddModule("fx99", "audio_fx", null, """, "api_version": 99 """, "audio_fx");
        var loop = h.Start();

        loop.Execute(new MenuCommand.AssignSlot(h.Entry("fx99"), 0));

        Assert.Empty(h.Loop.Link.Assignments);
        Assert.Contains("api_version 99", h.ScreenText);
        Assert.Null(loop.Menu.Slots.InSlot(0).FirstOrDefault().Entry);
    }

    [Fact]
    public void The_consent_screen_lists_each_capability_with_its_description_and_the_native_code_notice()
    {
        using var h = new GateHarness();
        var folder = h.Add("netsynth", """, "unsafe_capabilities": ["network", "spawn_processes"], "dsp": "dsp.so", "api_version": 2 """);
        TestPlugin.CopyTo(folder);
        var loop = h.Start();

        // Through the menu: the module page offers "Review permissions" instead of Open.
        loop.Execute(new MenuCommand.Open(h.Entry("netsynth"), LaunchKind.Overtake, 0));

        Assert.Null(loop.Active);
        Assert.Equal("Allow netsynth name?", loop.Menu.Current.Title);
        var text = h.ScreenText;
        Assert.Contains("* " + UnsafeCapabilities.Info(UnsafeCapability.Network).Title, h.Labels);
        Assert.Contains("* " + UnsafeCapabilities.Info(UnsafeCapability.SpawnProcesses).Title, h.Labels);
        Assert.Contains("Connects to other computers", text);
        Assert.Contains("cannot be sandboxed", text);
        Assert.Contains("run isolated", text);
        Assert.Contains("Allow", h.Labels);
        Assert.Contains("Deny", h.Labels);
        Assert.Equal(ModuleState.AwaitingConsent, h.Registry.StateOf("netsynth").State);
    }

    [Fact]
    public void Deny_starts_nothing_and_stores_nothing()
    {
        using var h = new GateHarness();
        h.Add("net", """, "unsafe_capabilities": ["network"] """);
        var loop = h.Start();
        loop.Open("net");

        h.Click("Deny");

        Assert.Null(loop.Active);
        Assert.Empty(h.Consent.GrantsOf("net"));
        Assert.Equal(ModuleState.AwaitingConsent, h.Registry.StateOf("net").State);
    }

    [Fact]
    public void Allow_stores_consent_and_opens_the_module_with_the_capability_granted()
    {
        using var h = new GateHarness();
        h.Add("net", """, "unsafe_capabilities": ["network"] """);
        var loop = h.Start();
        loop.Open("net");

        h.Click("Allow");

        Assert.Equal(["network"], h.Consent.GrantsOf("net").Select(g => g.Capability));
        Assert.NotNull(loop.Active);
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.Network), loop.Active!.Granted);
        loop.Active.Cancel();
    }

    [Fact]
    public void Consent_given_on_the_command_line_is_honoured_by_the_next_open()
    {
        using var h = new GateHarness();
        h.Add("net", """, "unsafe_capabilities": ["network"] """);
        var loop = h.Start();
        loop.Open("net");
        Assert.Null(loop.Active);

        h.Consent.Grant("net", ["network"], "1.2.3"); // what `mev modules allow net network` stores
        h.Click("Deny");
        loop.Open("net");

        Assert.NotNull(loop.Active);
        loop.Active!.Cancel();
    }

    [Fact]
    public void A_slot_load_carries_the_mailbox_grant_only_with_consent()
    {
        using var h = new GateHarness();
        TestPlugin.CopyTo(h.Loop.AddModule("mbx", "sound_generator", null, """, "api_version": 2, "unsafe_capabilities": ["hardware_mailbox"] """, "sound_generators"));
        TestPlugin.CopyTo(h.Loop.AddModule("plain", "sound_generator", null, """, "api_version": 2 """, "sound_generators"));
        var loop = h.Start();

        loop.Execute(new MenuCommand.AssignSlot(h.Entry("plain"), 1));
        loop.Execute(new MenuCommand.AssignSlot(h.Entry("mbx"), 0));
        Assert.Single(h.Loop.Link.Assignments); // mbx waits for consent: nothing sent
        h.Click("Allow");

        Assert.Equal(2, h.Loop.Link.Assignments.Count);
        Assert.False(h.Loop.Link.Assignments[0].GrantMailboxAccess);
        Assert.Equal("mbx", h.Loop.Link.Assignments[1].ModuleId);
        Assert.True(h.Loop.Link.Assignments[1].GrantMailboxAccess);
    }

    [Fact]
    public void The_mailbox_grant_needs_exactly_the_hardware_mailbox_capability_and_reaches_the_wire()
    {
        var target = new DspTarget(0, DspComponent.SoundGenerator);
        var all = CapabilitySet.Of(Enum.GetValues<UnsafeCapability>().Where(c => c != UnsafeCapability.HardwareMailbox));
        Assert.False(DspAssignment.Load(target, "m", "/x/dsp.so", all).GrantMailboxAccess);
        Assert.True(DspAssignment.Load(target, "m", "/x/dsp.so", CapabilitySet.Of(UnsafeCapability.HardwareMailbox)).GrantMailboxAccess);
        Assert.Equal(1, Ipc.EngineCommand.LoadPlugin(0, 2, "/x/dsp.so", 7, Ipc.LoadFlags.GrantMailbox).Value);
        Assert.Equal(0, Ipc.EngineCommand.LoadPlugin(0, 2, "/x/dsp.so", 7).Value);
    }
}
