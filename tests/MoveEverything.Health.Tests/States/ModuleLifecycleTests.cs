using MoveEverything.Health.States;

namespace MoveEverything.Health.Tests.States;

public class ModuleLifecycleTests
{
    private static readonly ModuleState[] All = Enum.GetValues<ModuleState>();

    [Theory]
    [InlineData(ModuleState.DisabledByUser)]
    [InlineData(ModuleState.DisabledByPolicy)]
    [InlineData(ModuleState.AwaitingConsent)]
    [InlineData(ModuleState.Refused)]
    public void Nothing_the_user_must_clear_goes_straight_to_loading(ModuleState blocked)
    {
        Assert.False(ModuleLifecycle.IsAllowed(blocked, ModuleState.Loading));
        Assert.False(ModuleLifecycle.IsAllowed(blocked, ModuleState.Running));
    }

    [Fact]
    public void A_crashed_module_is_loaded_again_before_it_runs()
    {
        Assert.False(ModuleLifecycle.IsAllowed(ModuleState.Crashed, ModuleState.Running));
        Assert.True(ModuleLifecycle.IsAllowed(ModuleState.Crashed, ModuleState.Loading));
    }

    [Fact]
    public void Every_state_can_reach_disabled_by_user_or_is_it()
    {
        foreach (var state in All.Where(s => s != ModuleState.DisabledByUser))
            Assert.True(ModuleLifecycle.IsAllowed(state, ModuleState.DisabledByUser), $"{state} → DisabledByUser");
    }

    [Fact]
    public void Every_state_has_a_path_back_to_stopped()
    {
        foreach (var start in All)
        {
            var seen = new HashSet<ModuleState> { start };
            var frontier = new Queue<ModuleState>([start]);
            while (frontier.Count > 0)
            {
                var state = frontier.Dequeue();
                foreach (var next in ModuleLifecycle.Transitions.Where(t => t.From == state).Select(t => t.To))
                    if (seen.Add(next)) frontier.Enqueue(next);
            }
            Assert.Contains(ModuleState.Stopped, seen);
        }
    }

    [Fact]
    public void Only_the_crash_policy_reaches_disabled_by_policy_and_never_from_a_healthy_run()
    {
        Assert.False(ModuleLifecycle.IsAllowed(ModuleState.Running, ModuleState.DisabledByPolicy));
        Assert.False(ModuleLifecycle.IsAllowed(ModuleState.Bypassed, ModuleState.DisabledByPolicy));
        Assert.True(ModuleLifecycle.IsAllowed(ModuleState.Crashed, ModuleState.DisabledByPolicy));
    }

    [Fact]
    public void Self_moves_are_not_transitions_and_every_transition_has_a_reason()
    {
        foreach (var state in All) Assert.False(ModuleLifecycle.IsAllowed(state, state));
        Assert.All(ModuleLifecycle.Transitions, t => Assert.False(string.IsNullOrWhiteSpace(t.Why)));
        Assert.Equal(ModuleLifecycle.Transitions.Count,
            ModuleLifecycle.Transitions.Select(t => (t.From, t.To)).Distinct().Count());
    }

    [Fact]
    public void Why_returns_the_sentence_for_an_allowed_move_and_null_otherwise()
    {
        Assert.Equal("load and init succeeded", ModuleLifecycle.Why(ModuleState.Loading, ModuleState.Running));
        Assert.Null(ModuleLifecycle.Why(ModuleState.DisabledByUser, ModuleState.Running));
    }

    [Fact]
    public void Fingerprint_describes_the_fault_in_one_line()
    {
        var fp = new CrashFingerprint("wave", "1.2.0", "0.3.0", FaultPhase.Render, "SIGSEGV", DateTimeOffset.UnixEpoch);
        Assert.Equal("SIGSEGV in render (wave 1.2.0)", fp.Describe());
        Assert.False(fp.IsStartupPhase);
        Assert.True((fp with { Phase = FaultPhase.Init }).IsStartupPhase);
    }
}
