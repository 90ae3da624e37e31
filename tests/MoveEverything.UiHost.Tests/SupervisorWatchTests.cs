using Microsoft.Extensions.Logging.Abstractions;

namespace MoveEverything.UiHost.Tests;

/// <summary>An orphaned UI host leaves: the watch cancels the run token once its parent is no longer the supervisor.</summary>
public sealed class SupervisorWatchTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(10);

    [Fact]
    public void Cancels_the_run_once_the_parent_is_no_longer_the_supervisor()
    {
        int parent = 4242;
        using var stop = new CancellationTokenSource();
        using var watch = new SupervisorWatch(4242, () => Volatile.Read(ref parent), Fast, stop, NullLogger.Instance);
        Thread.Sleep(100); // several checks while the supervisor is the parent
        Assert.False(stop.IsCancellationRequested);
        Assert.False(watch.SupervisorGone);

        Volatile.Write(ref parent, 1); // re-parented to init: the supervisor died
        Assert.True(stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the run was not cancelled");
        Assert.True(watch.SupervisorGone);
    }

    [Fact]
    public void A_ui_host_started_by_hand_is_never_cancelled()
    {
        using var stop = new CancellationTokenSource();
        using var watch = new SupervisorWatch(null, () => 1, Fast, stop, NullLogger.Instance);
        Thread.Sleep(100);
        Assert.False(stop.IsCancellationRequested);
        Assert.False(watch.SupervisorGone);
    }
}
