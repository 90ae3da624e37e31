using MoveEverything.Health.States;
using MoveEverything.Modules.Capabilities;
using MoveEverything.UiHost.Gate;

namespace MoveEverything.UiHost.Tests.Gate;

/// <summary>The load-time gate's rules, each on the verdict and on the registry state it records.</summary>
public class ModuleLoadGateTests
{
    [Fact]
    public void A_module_needing_a_newer_host_is_refused_with_the_typed_reason_and_recorded_as_refused()
    {
        using var h = new GateHarness();
        h.Add("future", """, "min_host_version": "9.0.0" """);
        h.Catalog.Refresh();

        var verdict = Assert.IsType<LoadVerdict.Refused>(h.Gate.Check(h.Entry("future")));

        Assert.Equal(RefusalKind.Incompatible, verdict.Kind);
        Assert.Contains("needs host 9.0.0 or newer", verdict.Why);
        Assert.Equal(ModuleState.Refused, h.Registry.StateOf("future").State);
        Assert.Contains("9.0.0", h.Registry.StateOf("future").Reason);
        Assert.Contains(h.Loop.Log.Lines, l => l.Contains("future refused"));
    }

    [Fact]
    public void An_abi_newer_than_the_host_knows_is_refused()
    {
        using var h = new GateHarness();
        h.Add("abi99", """, "api_version": 99 """);
        h.Catalog.Refresh();

        var verdict = Assert.IsType<LoadVerdict.Refused>(h.Gate.Check(h.Entry("abi99")));
        Assert.Contains("api_version 99 is newer", verdict.Why);
    }

    [Fact]
    public void A_dsp_so_that_is_not_a_library_for_this_cpu_is_refused_and_a_missing_one_is_left_to_the_engine()
    {
        using var h = new GateHarness();
        var bad = h.Loop.AddModule("badelf", "sound_generator", null, """, "api_version": 2 """, "sound_generators");
        File.WriteAllText(Path.Combine(bad, "dsp.so"), "not an ELF at all");
        h.Loop.AddModule("engine-provided", "sound_generator", null, """, "api_version": 2 """, "sound_generators");
        h.Catalog.Refresh();

        var verdict = Assert.IsType<LoadVerdict.Refused>(h.Gate.Check(h.Entry("badelf")));
        Assert.Contains("dsp.so", verdict.Why);
        Assert.IsType<LoadVerdict.Allowed>(h.Gate.Check(h.Entry("engine-provided")));
    }

    [Fact]
    public void An_unknown_capability_name_is_refused_not_ignored()
    {
        using var h = new GateHarness();
        var folder = h.Add("typo");
        h.Catalog.Refresh();
        // Changed on disk after the scan: the gate judges the manifest about to run, not the scanned one.
        File.WriteAllText(Path.Combine(folder, "module.json"),
            """{ "id": "typo", "name": "typo name", "version": "1.2.3", "component_type": "overtake", "unsafe_capabilities": ["netwrok"] }""");

        var verdict = Assert.IsType<LoadVerdict.Refused>(h.Gate.Check(h.Entry("typo")));
        Assert.Contains("netwrok", verdict.Why);
    }

    [Fact]
    public void An_unsafe_capability_waits_for_consent_and_starts_with_exactly_that_grant_after_allow()
    {
        using var h = new GateHarness();
        h.Add("net", """, "unsafe_capabilities": ["network"] """);
        h.Catalog.Refresh();
        var entry = h.Entry("net");

        var needs = Assert.IsType<LoadVerdict.NeedsConsent>(h.Gate.Check(entry));
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.Network), needs.Missing);
        Assert.Equal(ModuleState.AwaitingConsent, h.Registry.StateOf("net").State);

        Assert.Null(h.Gate.Allow(entry, needs.Missing));
        var allowed = Assert.IsType<LoadVerdict.Allowed>(h.Gate.Check(entry));
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.Network), allowed.Granted);
        Assert.Equal(ModuleState.Stopped, h.Registry.StateOf("net").State); // the consent wait is cleared
    }

    [Fact]
    public void A_module_without_unsafe_capabilities_gets_no_grant()
    {
        using var h = new GateHarness();
        h.Add("plain");
        h.Catalog.Refresh();

        var allowed = Assert.IsType<LoadVerdict.Allowed>(h.Gate.Check(h.Entry("plain")));
        Assert.True(allowed.Granted.IsEmpty);
    }

    [Fact]
    public void A_disabled_module_is_refused_as_disabled()
    {
        using var h = new GateHarness();
        h.Add("off");
        h.Catalog.Refresh();
        h.Registry.Disable("off");

        var verdict = Assert.IsType<LoadVerdict.Refused>(h.Gate.Check(h.Entry("off")));
        Assert.Equal(RefusalKind.Disabled, verdict.Kind);
        Assert.Equal(ModuleState.DisabledByUser, h.Registry.StateOf("off").State);
    }

    [Fact]
    public void Host_safe_mode_refuses_third_party_modules_and_strips_capabilities_from_built_ins_even_with_consent()
    {
        using var h = new GateHarness(new UiSafeMode(Health.Consent.SafeModeLevel.NoThirdPartyModules, "test"));
        h.Add("third");
        h.AddBuiltIn("stock", """, "unsafe_capabilities": ["network"] """);
        h.Catalog.Refresh();
        h.Consent.Grant("stock", ["network"], "1.0.0");

        var third = Assert.IsType<LoadVerdict.Refused>(h.Gate.Check(h.Entry("third")));
        Assert.Equal(RefusalKind.SafeMode, third.Kind);
        Assert.False(h.Gate.IsOffered(h.Entry("third")));

        var stock = Assert.IsType<LoadVerdict.Allowed>(h.Gate.Check(h.Entry("stock")));
        Assert.True(stock.Granted.IsEmpty);
        Assert.True(h.Gate.IsOffered(h.Entry("stock")));
    }

    [Fact]
    public void A_module_json_cannot_claim_to_be_built_in()
    {
        using var h = new GateHarness(new UiSafeMode(Health.Consent.SafeModeLevel.NoThirdPartyModules, "test"));
        h.Add("liar", """, "builtin": true """);
        h.Catalog.Refresh();

        Assert.False(h.Gate.IsBuiltIn(h.Entry("liar")));
        Assert.IsType<LoadVerdict.Refused>(h.Gate.Check(h.Entry("liar")));
    }

    [Fact]
    public void Safe_mode_comes_from_the_flag_or_the_launcher_environment_with_its_reason()
    {
        Assert.Same(UiSafeMode.Normal, UiSafeMode.From(false, null, _ => null));
        var env = UiSafeMode.From(false, null, n => n switch { "MEV_SAFE_MODE" => "1", "MEV_BOOT_REASON" => "3 unhealthy boots", _ => null });
        Assert.True(env.IsHostSafeMode);
        Assert.Equal("3 unhealthy boots", env.Reason);
        var flag = UiSafeMode.From(true, "Move Everything did not start properly 3 times", _ => null);
        Assert.Equal("Move Everything did not start properly 3 times", flag.Reason);
    }

    [Fact]
    public void Host_safe_mode_decided_by_the_start_tracker_reaches_the_display_with_its_message()
    {
        var store = new Health.Persistence.InMemoryHostStartStore();
        var clock = TimeProvider.System;
        var tracker = new Health.Policy.HostStartTracker(store, Health.Policy.HealthPolicy.Default, clock);
        Health.Policy.HostStartDecision decision = null!;
        for (var i = 0; i <= Health.Policy.HealthPolicy.Default.UnhealthyStartsForSafeMode; i++) decision = tracker.BeginStart();
        Assert.True(decision.SafeMode);

        var safe = UiSafeMode.From(false, null, _ => null, store.Load());

        Assert.True(safe.IsHostSafeMode);
        Assert.Contains($"did not start properly {decision.UnhealthyStartsInRow} times in a row", safe.Reason);
        tracker.MarkHealthy();
        Assert.False(UiSafeMode.From(false, null, _ => null, store.Load()).IsHostSafeMode);
    }
}
