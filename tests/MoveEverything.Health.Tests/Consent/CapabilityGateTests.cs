using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.States;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Tests.Consent;

public class CapabilityGateTests
{
    private readonly ManualClock _clock = new();
    private readonly InMemoryConsentStore _consent;
    private readonly ModuleHealthRegistry _health;
    private readonly CapabilityGate _gate;

    public CapabilityGateTests()
    {
        _consent = new InMemoryConsentStore(_clock);
        _health = new ModuleHealthRegistry(new InMemoryModuleHealthStore(), HealthPolicy.Default, _clock);
        _gate = new CapabilityGate(_consent, _health);
    }

    private static GateRequest Wave(string version, params string[] caps) =>
        new("wave", version, CapabilitySet.Of(caps.Select(c => { Assert.True(UnsafeCapabilities.TryParse(c, out var u)); return u; })));

    [Fact]
    public void A_module_without_unsafe_capabilities_starts_with_nothing_granted()
    {
        var decision = _gate.Decide(Wave("1.0.0"), SafeModeLevel.Off);
        Assert.True(decision.MayStart);
        Assert.Empty(decision.Granted);
    }

    [Fact]
    public void An_unsafe_capability_is_not_started_until_the_user_opts_in()
    {
        var before = _gate.Decide(Wave("1.0.0", "raw_midi", "raw_ui"), SafeModeLevel.Off);
        Assert.Equal(GateVerdict.NeedsConsent, before.Verdict);
        Assert.Equal(["raw_midi", "raw_ui"], before.Missing.Names);
        Assert.Equal("needs your OK to use raw_midi, raw_ui", before.Reason);
        Assert.Empty(before.Granted);

        _consent.Grant("wave", ["raw_midi"], "1.0.0");
        var half = _gate.Decide(Wave("1.0.0", "raw_midi", "raw_ui"), SafeModeLevel.Off);
        Assert.Equal(["raw_ui"], half.Missing.Names);
        Assert.Equal("needs your OK to use raw_ui", half.Reason);

        _consent.Grant("wave", ["raw_ui"], "1.0.0");
        var after = _gate.Decide(Wave("1.0.0", "raw_midi", "raw_ui"), SafeModeLevel.Off);
        Assert.True(after.MayStart);
        Assert.Equal(["raw_midi", "raw_ui"], after.Granted.Names);
    }

    [Fact]
    public void An_update_that_adds_an_unsafe_capability_stops_the_module_until_the_user_agrees_again()
    {
        _consent.Grant("wave", ["raw_midi"], "1.0.0");
        var update = _gate.Decide(Wave("1.1.0", "raw_midi", "network"), SafeModeLevel.Off);
        Assert.Equal(GateVerdict.NeedsConsent, update.Verdict);
        Assert.Equal(["network"], update.Missing.Names);
        Assert.Equal("version 1.1.0 adds network; it stays off until you allow it again", update.Reason);

        _consent.Grant("wave", ["network"], "1.1.0");
        Assert.True(_gate.Decide(Wave("1.1.0", "raw_midi", "network"), SafeModeLevel.Off).MayStart);
    }

    [Fact]
    public void An_update_that_adds_nothing_keeps_its_consent_and_one_that_drops_a_capability_gets_less()
    {
        _consent.Grant("wave", ["raw_midi", "raw_ui"], "1.0.0");
        var same = _gate.Decide(Wave("1.2.0", "raw_midi", "raw_ui"), SafeModeLevel.Off);
        Assert.True(same.MayStart);
        var fewer = _gate.Decide(Wave("1.3.0", "raw_midi"), SafeModeLevel.Off);
        Assert.Equal(["raw_midi"], fewer.Granted.Names); // a grant is never handed out for an undeclared capability
    }

    [Fact]
    public void Safe_mode_strips_unsafe_capabilities_before_anything_else()
    {
        _consent.Grant("wave", ["raw_midi"], "1.0.0");
        var stripped = _gate.Decide(Wave("1.0.0", "raw_midi"), SafeModeLevel.UnsafeCapabilitiesStripped);
        Assert.True(stripped.MayStart);
        Assert.Empty(stripped.Granted);
        Assert.Equal("safe mode: started without raw_midi", stripped.Reason);

        // even without consent: stripping comes before the consent check, so nothing unsafe is ever asked for
        var unconsented = _gate.Decide(Wave("1.0.0", "network"), SafeModeLevel.UnsafeCapabilitiesStripped);
        Assert.True(unconsented.MayStart);
        Assert.Empty(unconsented.Granted);
    }

    [Fact]
    public void Host_safe_mode_refuses_third_party_modules_and_runs_built_ins_stripped()
    {
        _consent.Grant("wave", ["raw_midi"], "1.0.0");
        var third = _gate.Decide(Wave("1.0.0", "raw_midi"), SafeModeLevel.NoThirdPartyModules);
        Assert.Equal(GateVerdict.RefusedBySafeMode, third.Verdict);
        Assert.Equal("safe mode: third-party modules are off", third.Reason);

        var builtIn = _gate.Decide(new GateRequest("menu", "1.0.0", CapabilitySet.Of(UnsafeCapability.RawUi), IsBuiltIn: true), SafeModeLevel.NoThirdPartyModules);
        Assert.True(builtIn.MayStart);
        Assert.Empty(builtIn.Granted);
    }

    [Fact]
    public void A_disabled_module_does_not_start_whatever_its_consent()
    {
        _consent.Grant("wave", ["raw_midi"], "1.0.0");
        _health.Disable("wave");
        var decision = _gate.Decide(Wave("1.0.0", "raw_midi"), SafeModeLevel.Off);
        Assert.Equal(GateVerdict.Disabled, decision.Verdict);
        Assert.Equal("turned off by the user", decision.Reason);
        Assert.Empty(decision.Granted);
    }

    [Fact]
    public void A_revoked_capability_is_asked_for_again()
    {
        _consent.Grant("wave", ["raw_midi"], "1.0.0");
        _consent.Revoke("wave", "raw_midi");
        Assert.Equal(GateVerdict.NeedsConsent, _gate.Decide(Wave("1.0.0", "raw_midi"), SafeModeLevel.Off).Verdict);
    }

    [Fact]
    public void The_registry_can_hold_the_module_in_awaiting_consent_and_release_it_after_consent()
    {
        var decision = _gate.Decide(Wave("1.0.0", "raw_midi"), SafeModeLevel.Off);
        Assert.True(_health.AwaitConsent("wave", decision.Reason).Ok);
        Assert.False(_health.ReportLoading("wave").Ok);
        _consent.Grant("wave", decision.Missing.Names, "1.0.0");
        Assert.True(_health.ReportStopped("wave", "consent given").Ok);
        Assert.True(_health.ReportLoading("wave").Ok);
        Assert.Equal(ModuleState.Loading, _health.StateOf("wave").State);
    }
}
