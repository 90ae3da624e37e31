using MoveEverything.Boot.Files;
using MoveEverything.Boot.Health;
using MoveEverything.Boot.Tests.Support;

namespace MoveEverything.Boot.Tests.Health;

public sealed class HealthMarkWriterTests : IDisposable
{
    private readonly TestMove _move = new();
    private readonly DateTimeOffset _t0 = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private HealthMarkWriter Writer() => new(PhysicalFileSystem.Instance, _move.Layout, 42, BootOptions.Default);
    private HealthMark? Mark => HealthMark.TryRead(PhysicalFileSystem.Instance, _move.Layout);

    private HealthSample At(int second, long blocks, long misses = 0, int? heartbeatSecond = null) =>
        new(_t0.AddSeconds(second), blocks, misses, _t0.AddSeconds(heartbeatSecond ?? second));

    [Fact]
    public void Writes_once_after_thirty_clean_seconds_with_a_live_ui()
    {
        var writer = Writer();
        for (int s = 0; s < 30; s++) Assert.False(writer.Observe(At(s, s * 345L)));
        Assert.True(writer.Observe(At(30, 30 * 345L)));
        Assert.False(writer.Observe(At(31, 31 * 345L)));
        Assert.Equal(42, Mark!.BootId);
        Assert.Equal(TimeSpan.FromSeconds(30), Mark.CleanFor);
    }

    [Fact]
    public void A_missed_block_restarts_the_clean_period()
    {
        var writer = Writer();
        for (int s = 0; s <= 20; s++) writer.Observe(At(s, s * 345L));
        writer.Observe(At(21, 21 * 345L, misses: 1));
        for (int s = 22; s <= 51; s++) Assert.False(writer.Observe(At(s, s * 345L, misses: 1)));
        Assert.True(writer.Observe(At(52, 52 * 345L, misses: 1)));
    }

    [Fact]
    public void A_stale_ui_heartbeat_is_not_evidence()
    {
        var writer = Writer();
        for (int s = 0; s <= 40; s++) Assert.False(writer.Observe(At(s, s * 345L, heartbeatSecond: 0)));
        Assert.Null(Mark);
    }

    [Fact]
    public void A_stalled_engine_is_not_evidence()
    {
        var writer = Writer();
        for (int s = 0; s <= 40; s++) Assert.False(writer.Observe(At(s, 1000)));
        Assert.Null(Mark);
    }

    [Fact]
    public void Handoff_round_trips_through_the_environment()
    {
        var handoff = new MoveEverything.Boot.BootHandoff("/r", 7, "1.2.3", true, "why");
        foreach (var (k, v) in handoff.ToEnvironment()) Environment.SetEnvironmentVariable(k, v);
        try
        {
            Assert.Equal(handoff, MoveEverything.Boot.BootHandoff.FromEnvironment());
        }
        finally
        {
            foreach (var (k, _) in handoff.ToEnvironment()) Environment.SetEnvironmentVariable(k, null);
        }
    }

    public void Dispose() => _move.Dispose();
}
