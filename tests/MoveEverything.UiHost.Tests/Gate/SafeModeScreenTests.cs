using MoveEverything.Boot.SafeMode;
using MoveEverything.Health.Consent;
using MoveEverything.Health.States;
using MoveEverything.UiHost.Gate;

namespace MoveEverything.UiHost.Tests.Gate;

/// <summary>Host safe mode on the display: Boot's safe-mode screen first, third-party modules not offered.</summary>
public class SafeModeScreenTests
{
    private static readonly UiSafeMode Safe = new(SafeModeLevel.NoThirdPartyModules,
        "Safe mode: Move Everything did not start properly 3 times in a row");

    [Fact]
    public void The_first_screen_is_the_safe_mode_screen_with_the_reason_and_the_four_choices()
    {
        using var h = new GateHarness(Safe);
        var loop = h.Start();

        Assert.Equal(SafeModeScreen.DefaultTitle, loop.Menu.Current.Title);
        Assert.Contains("did not start properly 3 times", h.ScreenText);
        foreach (var option in SafeModeScreen.For("x").Options) Assert.Contains(option.Label, h.Labels);
    }

    [Fact]
    public void Without_safe_mode_the_first_screen_is_the_menu()
    {
        using var h = new GateHarness();
        Assert.Equal("Move Everything", h.Start().Menu.Current.Title);
    }

    [Fact]
    public void Continue_goes_to_a_menu_offering_only_built_in_modules()
    {
        using var h = new GateHarness(Safe);
        h.Add("third");
        h.AddBuiltIn("stock");
        var loop = h.Start(c => new SafeModeActionResult(c, SafeModeFollowUp.StayInSafeMode, "Running without third-party modules"));

        h.Click("Continue");

        Assert.Equal("Move Everything", loop.Menu.Current.Title);
        h.Click("Overtake");
        Assert.Equal(["stock name"], h.Labels);
        Assert.True(loop.Open("third"));
        Assert.Null(loop.Active);
        Assert.Equal(ModuleState.Refused, h.Registry.StateOf("third").State);
    }

    [Fact]
    public void Enable_modules_lists_third_party_modules_and_turns_a_disabled_one_back_on()
    {
        using var h = new GateHarness(Safe);
        h.Add("third");
        h.AddBuiltIn("stock");
        var loop = h.Start(c => new SafeModeActionResult(c, SafeModeFollowUp.OpenModuleList, "Enable one module, play, then the next"));
        h.Registry.Disable("third");

        h.Click("Enable modules");

        Assert.Equal("Enable modules", loop.Menu.Current.Title);
        Assert.Equal(["third name"], h.Labels);
        Assert.Equal("off", loop.Menu.Current.Items[0].Detail);
        h.Click("third name");
        Assert.Equal(ModuleState.Stopped, h.Registry.StateOf("third").State);
        Assert.Equal("on", loop.Menu.Current.Items[0].Detail);
    }

    [Fact]
    public void Reboot_normally_goes_through_Boot_actions_and_the_injected_rebooter()
    {
        using var h = new GateHarness(Safe);
        var rebooter = new LoggingRebooter(h.Loop.Log);
        var root = Path.Combine(h.Loop.Root, "move-root");
        Directory.CreateDirectory(root);
        var loop = h.Start(SafeModeWiring.Actions(h.Loop.Log, rebooter, root));

        h.Click("Reboot normally");

        Assert.Single(rebooter.Requests);
        Assert.Equal("Rebooting with modules on", loop.Menu.Notice);
        Assert.Equal(SafeModeScreen.DefaultTitle, loop.Menu.Current.Title); // the screen stays while rebooting
    }

    [Fact]
    public void Restore_stock_without_a_backup_shows_the_error_and_keeps_the_screen()
    {
        using var h = new GateHarness(Safe);
        var rebooter = new LoggingRebooter(h.Loop.Log);
        var root = Path.Combine(h.Loop.Root, "empty-root");
        Directory.CreateDirectory(root);
        var loop = h.Start(SafeModeWiring.Actions(h.Loop.Log, rebooter, root));

        h.Click("Restore stock Move");

        Assert.Empty(rebooter.Requests);
        Assert.False(string.IsNullOrEmpty(loop.Menu.Notice));
        Assert.Equal(SafeModeScreen.DefaultTitle, loop.Menu.Current.Title);
    }
}
