using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;

namespace MoveEverything.Health.Tests.Policy;

public class HostStartTrackerTests
{
    private readonly ManualClock _clock = new();
    private readonly InMemoryHostStartStore _store = new();
    private readonly HostStartTracker _tracker;

    public HostStartTrackerTests() => _tracker = new HostStartTracker(_store, HealthPolicy.Default, _clock);

    private HostStartDecision FailedStart()
    {
        var decision = _tracker.BeginStart();
        _clock.Advance(TimeSpan.FromSeconds(10)); // dies before it is healthy
        return decision;
    }

    [Fact]
    public void Three_unhealthy_starts_in_a_row_start_the_fourth_in_safe_mode_with_a_message()
    {
        Assert.False(FailedStart().SafeMode);
        Assert.False(FailedStart().SafeMode);
        Assert.False(FailedStart().SafeMode);
        var fourth = _tracker.BeginStart();
        Assert.True(fourth.SafeMode);
        Assert.Equal(3, fourth.UnhealthyStartsInRow);
        Assert.Equal("Safe mode: Move Everything did not start properly 3 times in a row, so third-party modules are off. Re-enable them in Menu > Safe mode.",
            fourth.DisplayMessage);
    }

    [Fact]
    public void A_healthy_start_resets_the_row()
    {
        FailedStart();
        FailedStart();
        _tracker.BeginStart();
        Assert.True(_tracker.MarkHealthy().Ok);
        FailedStart();
        FailedStart();
        var decision = _tracker.BeginStart();
        Assert.False(decision.SafeMode);
        Assert.Null(decision.DisplayMessage);
        Assert.Equal(2, decision.UnhealthyStartsInRow);
    }

    [Fact]
    public void Unhealthy_starts_older_than_six_hours_no_longer_count()
    {
        FailedStart();
        FailedStart();
        _clock.Advance(TimeSpan.FromHours(6));
        FailedStart();
        var decision = _tracker.BeginStart();
        Assert.False(decision.SafeMode);
        Assert.Equal(1, decision.UnhealthyStartsInRow);
    }

    [Fact]
    public void After_a_healthy_safe_start_a_normal_start_gets_exactly_one_more_try()
    {
        FailedStart(); FailedStart(); FailedStart();
        Assert.True(_tracker.BeginStart().SafeMode);
        _tracker.MarkHealthy();

        var retry = _tracker.BeginStart();
        Assert.False(retry.SafeMode);        // one more try in normal mode
        _clock.Advance(TimeSpan.FromSeconds(5)); // ... and it fails again
        Assert.True(_tracker.BeginStart().SafeMode);
    }

    [Fact]
    public void A_clean_exit_before_healthy_is_neither_a_failure_nor_a_success()
    {
        FailedStart();
        FailedStart();
        _tracker.BeginStart();
        _tracker.MarkCleanExit();
        var decision = _tracker.BeginStart();
        Assert.Equal(2, decision.UnhealthyStartsInRow);
        Assert.False(decision.SafeMode);
    }

    [Fact]
    public void Leaving_safe_mode_clears_the_count_and_a_requested_safe_mode_applies_to_one_start()
    {
        FailedStart(); FailedStart(); FailedStart();
        Assert.True(_tracker.BeginStart().SafeMode);
        _tracker.LeaveSafeMode();
        _tracker.MarkHealthy();
        Assert.False(_tracker.BeginStart().SafeMode);
        _tracker.MarkHealthy();

        _tracker.RequestSafeMode();
        var requested = _tracker.BeginStart();
        Assert.True(requested.SafeMode);
        Assert.StartsWith("Safe mode (requested)", requested.DisplayMessage);
        _tracker.MarkHealthy();
        Assert.False(_tracker.BeginStart().SafeMode);
    }

    [Fact]
    public void The_pending_mark_is_written_before_begin_start_returns()
    {
        _tracker.BeginStart();
        Assert.Equal(_clock.Now, _store.Load().PendingSince);
    }

    [Fact]
    public void A_failed_write_is_reported_and_the_start_goes_on()
    {
        _store.FailWrites = true;
        var decision = _tracker.BeginStart();
        Assert.False(decision.SafeMode);
        Assert.Equal("simulated write failure", decision.PersistError);
    }
}
