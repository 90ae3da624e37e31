using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Tests.Persistence;

namespace MoveEverything.Health.Tests.Policy;

/// <summary>The start protocol `mev sim` follows, over the real host-start file, one session per simulated process.</summary>
public sealed class HostStartSessionTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private HostStartSession NewProcess() => new(new FileHostStartStore(_dir.File("host-starts.jsonl")), HealthPolicy.Default, _clock);

    [Fact]
    public void Three_starts_that_never_became_healthy_put_the_fourth_in_safe_mode()
    {
        for (int i = 0; i < HealthPolicy.Default.UnhealthyStartsForSafeMode; i++)
        {
            var start = NewProcess();
            Assert.False(start.Begin().SafeMode);
            start.ReportClockedAudio(TimeSpan.FromSeconds(3)); // then killed: no End
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
        var fourth = NewProcess().Begin();
        Assert.True(fourth.SafeMode);
        Assert.Contains("did not start properly 3 times in a row", fourth.DisplayMessage);
    }

    [Fact]
    public void Thirty_seconds_of_clocked_audio_mark_the_start_healthy_and_clear_the_count()
    {
        for (int i = 0; i < 2; i++) { NewProcess().Begin(); _clock.Advance(TimeSpan.FromSeconds(10)); }
        var good = NewProcess();
        Assert.Equal(2, good.Begin().UnhealthyStartsInRow);
        good.ReportClockedAudio(TimeSpan.FromSeconds(29));
        Assert.False(good.Healthy);
        Assert.True(good.ReportClockedAudio(HealthPolicy.Default.HealthyStartAfter).Ok);
        Assert.True(good.Healthy);
        Assert.Equal(0, NewProcess().Begin().UnhealthyStartsInRow);
    }

    [Fact]
    public void A_short_run_ended_on_purpose_counts_neither_way()
    {
        NewProcess().Begin();
        _clock.Advance(TimeSpan.FromSeconds(10));
        var shortRun = NewProcess();
        Assert.Equal(1, shortRun.Begin().UnhealthyStartsInRow);
        shortRun.ReportClockedAudio(TimeSpan.FromSeconds(5));
        Assert.True(shortRun.End().Ok);
        Assert.Equal(1, NewProcess().Begin().UnhealthyStartsInRow); // the earlier failure still counts; the short run does not
    }

    public void Dispose() => _dir.Dispose();
}
