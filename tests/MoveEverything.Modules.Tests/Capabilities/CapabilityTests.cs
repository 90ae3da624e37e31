using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Tests.Capabilities;

public class CapabilityTests
{
    private static Manifest M(string fields) =>
        ManifestParser.ParseText($$"""{"id":"m","name":"M","version":"1","api_version":2,"component_type":"overtake"{{fields}}}""").Manifest!;

    [Fact]
    public void C1_the_catalogue_has_one_entry_per_capability_in_enum_order_with_unique_snake_case_names()
    {
        var values = Enum.GetValues<UnsafeCapability>();
        Assert.Equal(values, UnsafeCapabilities.All.Select(i => i.Capability));
        Assert.Equal(values.Length, UnsafeCapabilities.Names.Distinct().Count());
        Assert.All(UnsafeCapabilities.All, i =>
        {
            Assert.Matches("^[a-z]+(_[a-z]+)*$", i.Name);
            Assert.False(string.IsNullOrWhiteSpace(i.Title));
            Assert.True(i.Description.Length > 20, i.Name);
        });
    }

    [Fact]
    public void C1_names_round_trip_and_unknown_names_do_not_parse()
    {
        foreach (var c in Enum.GetValues<UnsafeCapability>())
        {
            Assert.True(UnsafeCapabilities.TryParse(UnsafeCapabilities.NameOf(c), out var back));
            Assert.Equal(c, back);
        }
        Assert.False(UnsafeCapabilities.TryParse("Network", out _));
        Assert.False(UnsafeCapabilities.TryParse("root", out _));
        Assert.False(UnsafeCapabilities.TryParse(null, out _));
    }

    [Fact]
    public void C2_legacy_flags_map_onto_unsafe_capabilities()
    {
        var m = M(""","raw_ui":true,"capabilities":{"raw_midi":true,"claims_master_knob":true,"button_passthrough":[85],"forks_processes":true}""");
        var r = CapabilityResolver.Resolve(m);
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.RawMidi, UnsafeCapability.RawUi, UnsafeCapability.ClaimsMasterKnob,
            UnsafeCapability.ButtonPassthrough, UnsafeCapability.SpawnProcesses), r.Required);
        Assert.Contains(r.Sources, s => s is { Capability: UnsafeCapability.RawUi, DeclaredAs: "raw_ui" });
        Assert.Contains(r.Sources, s => s is { Capability: UnsafeCapability.SpawnProcesses, DeclaredAs: "forks_processes" });
        Assert.False(r.IsRefused);
    }

    [Fact]
    public void C2_false_flags_and_an_empty_passthrough_need_nothing()
    {
        var r = CapabilityResolver.Resolve(M(""","raw_ui":false,"button_passthrough":[],"claims_master_knob":false"""));
        Assert.True(r.Required.IsEmpty);
    }

    [Fact]
    public void C1_declared_names_are_resolved_and_unknown_ones_are_typed_refusals()
    {
        var r = CapabilityResolver.Resolve(M(""","unsafe_capabilities":["network","Spawn-Processes","telepathy"]"""));
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.Network), r.Required);
        Assert.True(r.IsRefused);
        Assert.Equal(["Spawn-Processes", "telepathy"], r.Unknown.Select(u => u.Name));
        Assert.Equal("spawn_processes", r.Unknown[0].Suggestion);
        Assert.Null(r.Unknown[1].Suggestion);
        Assert.Contains("known:", r.Unknown[1].Message);
    }

    [Fact]
    public void The_parser_reports_unknown_capabilities_as_errors()
    {
        var p = ManifestParser.ParseText("""{"id":"m","name":"M","version":"1","api_version":2,"component_type":"tool","unsafe_capabilities":["root"]}""");
        Assert.Contains(p.Diagnostics, d => d.Code == DiagnosticCodes.UnknownCapability && d.Severity == DiagnosticSeverity.Error);
        Assert.False(p.IsLoadable);
    }

    [Fact]
    public void C3_an_update_that_adds_a_capability_needs_new_consent_and_one_that_drops_does_not()
    {
        var installed = CapabilitySet.Of(UnsafeCapability.RawMidi, UnsafeCapability.Network);
        var update = CapabilitySet.Of(UnsafeCapability.RawMidi, UnsafeCapability.HardwareMailbox);
        var change = installed.DiffTo(update);
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.HardwareMailbox), change.Added);
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.Network), change.Removed);
        Assert.True(change.NeedsNewConsent);
        Assert.False(update.DiffTo(CapabilitySet.Of(UnsafeCapability.RawMidi)).NeedsNewConsent);
        Assert.False(installed.DiffTo(installed).NeedsNewConsent);
    }

    [Fact]
    public void Sets_have_value_semantics_and_stable_order()
    {
        var a = CapabilitySet.Of(UnsafeCapability.Network, UnsafeCapability.RawMidi);
        var b = CapabilitySet.Empty.With(UnsafeCapability.RawMidi).With(UnsafeCapability.Network);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(["raw_midi", "network"], a.Names);
        Assert.Equal(2, a.Count);
        Assert.Equal(CapabilitySet.Of(UnsafeCapability.Network), a.Without(UnsafeCapability.RawMidi));
        Assert.True(CapabilitySet.Of(UnsafeCapability.Network).IsSubsetOf(a));
        Assert.Equal("(none)", CapabilitySet.Empty.ToString());
    }
}
