using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Plugins;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Tests.Isolation;

public sealed class IsolationPolicyTests
{
    private static readonly LoadFlags[] EveryFlagSet = [LoadFlags.None, LoadFlags.Trusted, LoadFlags.GrantMailbox, LoadFlags.Trusted | LoadFlags.GrantMailbox];

    [Fact]
    public void All_isolates_and_none_keeps_in_process_whatever_the_flags()
    {
        foreach (var flags in EveryFlagSet)
        {
            Assert.True(IsolationPolicy.Decide(IsolationMode.All, flags).Isolate, $"all, {flags}");
            Assert.False(IsolationPolicy.Decide(IsolationMode.None, flags).Isolate, $"none, {flags}");
        }
    }

    [Fact]
    public void Untrusted_runs_in_process_only_loads_that_carry_the_trusted_flag()
    {
        Assert.False(IsolationPolicy.Decide(IsolationMode.Untrusted, LoadFlags.Trusted).Isolate);
        Assert.False(IsolationPolicy.Decide(IsolationMode.Untrusted, LoadFlags.Trusted | LoadFlags.GrantMailbox).Isolate);
        // A load that says nothing is untrusted: fail closed. The mailbox grant is consent, not trust.
        Assert.True(IsolationPolicy.Decide(IsolationMode.Untrusted, LoadFlags.None).Isolate);
        Assert.True(IsolationPolicy.Decide(IsolationMode.Untrusted, LoadFlags.GrantMailbox).Isolate);
    }

    [Fact]
    public void Every_decision_gives_a_reason_a_user_can_read()
    {
        foreach (var mode in Enum.GetValues<IsolationMode>())
            foreach (var flags in EveryFlagSet)
                Assert.False(string.IsNullOrWhiteSpace(IsolationPolicy.Decide(mode, flags).Reason));
        Assert.Contains("trusted", IsolationPolicy.Decide(IsolationMode.Untrusted, LoadFlags.None).Reason);
    }

    [Fact]
    public void The_engine_isolates_untrusted_loads_by_default()
    {
        Assert.Equal(IsolationMode.Untrusted, new MoveEverything.Engine.Process.EngineOptions().Isolation);
    }

    [Fact]
    public void Worker_arguments_survive_the_command_line_and_bad_ones_are_typed_errors()
    {
        var request = new PluginLoadRequest("mev-delay", "/x/mev_delay.so", PluginKind.AudioFx, "/x", Slot: 3);
        var parsed = WorkerArguments.Parse(new WorkerArguments("/dev/shm/w", request, 20).ToArgs().Skip(1).ToArray());
        Assert.Null(parsed.Error);
        Assert.Equal(request, parsed.Request);
        Assert.Equal("/dev/shm/w", parsed.SharedMemoryPath);
        Assert.Equal(4242, WorkerArguments.Parse(new WorkerArguments("/dev/shm/w", request, 20, ParentPid: 4242).ToArgs().Skip(1).ToArray()).ParentPid);
        Assert.Contains("--parent", WorkerArguments.Parse(["--shm", "a", "--library", "b", "--kind", "fx", "--module", "c", "--parent", "x"]).Error);
        var granted = request with { GrantMailboxAccess = true };
        Assert.Equal(granted, WorkerArguments.Parse(new WorkerArguments("/dev/shm/w", granted, 20).ToArgs().Skip(1).ToArray()).Request);
        Assert.Contains("--mailbox", WorkerArguments.Parse(["--shm", "a", "--library", "b", "--kind", "fx", "--module", "c", "--mailbox", "yes"]).Error);
        Assert.Contains("--kind", WorkerArguments.Parse(["--shm", "a", "--library", "b", "--kind", "midi", "--module", "c"]).Error);
        Assert.Contains("--module", WorkerArguments.Parse(["--shm", "a", "--library", "b", "--kind", "fx"]).Error);
    }

    [Fact]
    public void Options_out_of_range_are_named()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new IsolationOptions { IdleWakeMs = 80 }.Validate());
        Assert.Equal(nameof(IsolationOptions.IdleWakeMs), e.ParamName);
    }
}
