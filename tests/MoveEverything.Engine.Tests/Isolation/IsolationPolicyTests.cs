using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Tests.Isolation;

public sealed class IsolationPolicyTests
{
    private static readonly IsolationOptions Options = IsolationOptions.Default;
    private static readonly ModuleTrust Clean = new(false, 100, TimeSpan.FromHours(50), 0);

    [Theory]
    [InlineData(IsolationMode.None)]
    [InlineData(IsolationMode.Untrusted)]
    [InlineData(IsolationMode.All)]
    public void Built_in_modules_never_run_isolated(IsolationMode mode) =>
        Assert.False(IsolationPolicy.Decide(mode, ModuleTrust.BuiltIn, Options).Isolate);

    [Fact]
    public void All_isolates_even_a_clean_module_and_none_isolates_even_a_new_one()
    {
        Assert.True(IsolationPolicy.Decide(IsolationMode.All, Clean, Options).Isolate);
        Assert.False(IsolationPolicy.Decide(IsolationMode.None, ModuleTrust.New, Options).Isolate);
    }

    [Fact]
    public void Untrusted_means_new_or_just_updated_or_faulted()
    {
        Assert.True(IsolationPolicy.Decide(IsolationMode.Untrusted, ModuleTrust.New, Options).Isolate);
        Assert.True(IsolationPolicy.Decide(IsolationMode.Untrusted, Clean with { CleanLoads = Options.ProbationCleanLoads - 1 }, Options).Isolate);
        Assert.True(IsolationPolicy.Decide(IsolationMode.Untrusted, Clean with { CleanRunTime = TimeSpan.FromHours(1) }, Options).Isolate);
        var faulted = IsolationPolicy.Decide(IsolationMode.Untrusted, Clean with { FaultsSinceUpdate = 1 }, Options);
        Assert.True(faulted.Isolate);
        Assert.Contains("faulted", faulted.Reason);
        Assert.False(IsolationPolicy.Decide(IsolationMode.Untrusted, Clean, Options).Isolate);
    }

    [Fact]
    public void Worker_arguments_survive_the_command_line_and_bad_ones_are_typed_errors()
    {
        var request = new PluginLoadRequest("mev-delay", "/x/mev_delay.so", PluginKind.AudioFx, "/x", Slot: 3);
        var parsed = WorkerArguments.Parse(new WorkerArguments("/dev/shm/w", request, 20).ToArgs().Skip(1).ToArray());
        Assert.Null(parsed.Error);
        Assert.Equal(request, parsed.Request);
        Assert.Equal("/dev/shm/w", parsed.SharedMemoryPath);
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
