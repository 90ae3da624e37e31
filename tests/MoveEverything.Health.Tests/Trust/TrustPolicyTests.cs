using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;
using MoveEverything.Health.Trust;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Tests.Trust;

/// <summary>Each rule of <see cref="TrustPolicy"/>, in its order, with the thresholds of <see cref="HealthPolicy"/>.</summary>
public sealed class TrustPolicyTests
{
    private static readonly DateTimeOffset Now = ManualClock.Origin;
    private static readonly HealthPolicy Policy = HealthPolicy.Default;

    private static TrustRequest Module(bool builtIn = false, params UnsafeCapability[] caps) =>
        new("wave", "1.0.0", builtIn, CapabilitySet.Of(caps));

    private static TrustRecord Record(int loads, double hours, int faults = 0, string version = "1.0.0") =>
        new("wave", version, loads, TimeSpan.FromHours(hours), faults, Now);

    private static readonly TrustRecord Veteran = Record(Policy.ProbationCleanLoads, Policy.ProbationCleanRunTime.TotalHours);

    [Fact]
    public void The_probation_thresholds_are_the_documented_ones()
    {
        Assert.Equal(20, Policy.ProbationCleanLoads);
        Assert.Equal(TimeSpan.FromHours(10), Policy.ProbationCleanRunTime);
    }

    [Fact]
    public void A_built_in_module_is_trusted_even_with_no_record_and_a_native_capability()
    {
        var d = TrustPolicy.Decide(Module(builtIn: true, UnsafeCapability.HardwareMailbox), null, Policy, Now);
        Assert.True(d.Trusted);
        Assert.Equal(TrustBasis.BuiltIn, d.Basis);
    }

    [Theory]
    [InlineData(UnsafeCapability.HardwareMailbox, "hardware_mailbox")]
    [InlineData(UnsafeCapability.InjectMoveMidi, "inject_move_midi")]
    public void An_unsafe_native_capability_makes_a_module_untrusted_whatever_its_record(UnsafeCapability capability, string name)
    {
        var d = TrustPolicy.Decide(Module(false, capability), Veteran, Policy, Now);
        Assert.False(d.Trusted);
        Assert.Equal(TrustBasis.UnsafeNativeCapability, d.Basis);
        Assert.Contains(name, d.Reason);
        Assert.Contains("native code cannot be sandboxed in-process", d.Reason);
    }

    [Fact]
    public void A_capability_with_no_native_surface_does_not_by_itself_cost_trust()
    {
        var d = TrustPolicy.Decide(Module(false, UnsafeCapability.RawMidi, UnsafeCapability.Network), Veteran, Policy, Now);
        Assert.True(d.Trusted);
        Assert.Equal(TrustBasis.CleanRecord, d.Basis);
    }

    [Fact]
    public void One_fault_since_the_update_makes_a_veteran_untrusted()
    {
        var d = TrustPolicy.Decide(Module(), Veteran with { Faults = 1 }, Policy, Now);
        Assert.False(d.Trusted);
        Assert.Equal(TrustBasis.FaultedSinceUpdate, d.Basis);
        Assert.Equal("faulted once since version 1.0.0 was installed", d.Reason);
    }

    [Fact]
    public void A_new_module_is_on_probation()
    {
        var d = TrustPolicy.Decide(Module(), null, Policy, Now);
        Assert.False(d.Trusted);
        Assert.Equal(TrustBasis.Probation, d.Basis);
        Assert.Equal("on probation: 0 of 20 clean loads", d.Reason);
    }

    [Fact]
    public void Enough_loads_but_too_little_run_time_is_still_probation()
    {
        var d = TrustPolicy.Decide(Module(), Record(25, 9.5), Policy, Now);
        Assert.False(d.Trusted);
        Assert.Equal(TrustBasis.Probation, d.Basis);
        Assert.Equal("on probation: 9.5 h of 10 h clean run time", d.Reason);
    }

    [Fact]
    public void Enough_run_time_but_too_few_loads_is_still_probation()
    {
        var d = TrustPolicy.Decide(Module(), Record(19, 40), Policy, Now);
        Assert.False(d.Trusted);
        Assert.Contains("19 of 20 clean loads", d.Reason);
    }

    [Fact]
    public void A_clean_record_past_both_thresholds_is_trusted()
    {
        var d = TrustPolicy.Decide(Module(), Veteran, Policy, Now);
        Assert.True(d.Trusted);
        Assert.Equal(TrustBasis.CleanRecord, d.Basis);
    }

    [Fact]
    public void A_record_of_another_version_counts_as_a_new_module()
    {
        var d = TrustPolicy.Decide(Module() with { ModuleVersion = "1.1.0" }, Veteran, Policy, Now);
        Assert.False(d.Trusted);
        Assert.Equal("on probation: 0 of 20 clean loads", d.Reason);
    }

    [Fact]
    public void The_thresholds_come_from_the_policy_object()
    {
        var lenient = Policy with { ProbationCleanLoads = 1, ProbationCleanRunTime = TimeSpan.Zero };
        Assert.True(TrustPolicy.Decide(Module(), Record(1, 0), lenient, Now).Trusted);
        Assert.Empty(lenient.Problems());
        Assert.NotEmpty((Policy with { ProbationCleanLoads = -1 }).Problems());
    }
}
