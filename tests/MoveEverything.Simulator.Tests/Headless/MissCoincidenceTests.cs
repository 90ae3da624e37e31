using MoveEverything.Simulator.Headless;

namespace MoveEverything.Simulator.Tests.Headless;

/// <summary>Engine misses are the machine's when a baseline thread stalled within one block of them.</summary>
public sealed class MissCoincidenceTests
{
    private const long Window = 2_902_494;

    [Fact]
    public void A_miss_pairs_with_the_nearest_stall_within_the_window_and_not_with_one_outside()
    {
        var stalls = new[]
        {
            new BaselineStall(1, 10_000_000_000, 3_100_000),
            new BaselineStall(0, 10_000_400_000, 900_000),
            new BaselineStall(0, 20_000_000_000, 700_000),
        };
        var misses = new[]
        {
            new EngineMiss(100, 10_000_300_000, 3_300_000), // 100 µs from the second stall, 300 µs from the first
            new EngineMiss(200, 15_000_000_000, 3_000_000), // nothing within a block
            new EngineMiss(300, 20_000_000_000 + Window + 1, 3_000_000), // just outside
        };

        var matches = MissCoincidence.Match(misses, stalls, Window);

        Assert.Equal(3, matches.Count);
        Assert.Same(stalls[1], matches[0].Stall);
        Assert.False(matches[1].Coincident);
        Assert.False(matches[2].Coincident);
    }

    [Fact]
    public void Without_stalls_no_miss_is_coincident()
    {
        var matches = MissCoincidence.Match([new EngineMiss(1, 5, 3_000_000)], [], Window);
        Assert.False(Assert.Single(matches).Coincident);
    }
}
