using FsCheck;
using FsCheck.Xunit;
using MoveEverything.Simulator.Headless;

namespace MoveEverything.Simulator.Tests.Headless;

/// <summary>The bench recovers each engine block's wake time from (block, lateness) records and one anchor.</summary>
public sealed class BlockWakeTrackerTests
{
    private const long Period = 2_902_494;

    /// <summary>The engine's rule (BlockLoop.TrackDeadline): true wake times for a sequence of latenesses.</summary>
    private static long[] EngineWakes(long firstDeadline, long[] late)
    {
        var wakes = new long[late.Length];
        long deadline = firstDeadline;
        for (int b = 0; b < late.Length; b++)
        {
            wakes[b] = deadline + late[b];
            deadline = (late[b] > Period || late[b] < -Period ? wakes[b] : deadline) + Period;
        }
        return wakes;
    }

    private static long[] Latenesses(int[] seeds) =>
        seeds.Select(s => (s % 7) switch { 0 => Period + 1 + Math.Abs(s % 900_000), 1 => -(long)Math.Abs(s % 40_000), _ => Math.Abs(s % 120_000) }).ToArray();

    [Property(MaxTest = 200)]
    public bool Every_block_after_the_anchor_gets_its_true_wake_time_through_misses_and_resyncs(NonEmptyArray<int> seeds, PositiveInt anchorAt)
    {
        long[] late = Latenesses(seeds.Get);
        long[] wakes = EngineWakes(1_000_000_000, late);
        int anchor = anchorAt.Get % late.Length;
        var tracker = new BlockWakeTracker(Period);
        tracker.Anchor(anchor, wakes[anchor]);
        for (int b = 0; b < late.Length; b++)
        {
            long? got = tracker.Observe(b, late[b]);
            if (b < anchor ? got != null : got != wakes[b]) return false;
        }
        return tracker.Disagreements == 0;
    }

    [Fact]
    public void A_dropped_record_breaks_the_chain_until_the_next_anchor()
    {
        long[] late = [10_000, 20_000, Period + 50_000, 5_000, 7_000, 9_000];
        long[] wakes = EngineWakes(5_000_000_000, late);
        var tracker = new BlockWakeTracker(Period);
        tracker.Anchor(0, wakes[0]);
        Assert.Equal(wakes[0], tracker.Observe(0, late[0]));
        Assert.Equal(wakes[1], tracker.Observe(1, late[1]));
        Assert.False(tracker.NeedsAnchor);
        Assert.Null(tracker.Observe(3, late[3])); // block 2 (the miss) was dropped from the ring
        Assert.True(tracker.NeedsAnchor);
        tracker.Anchor(4, wakes[4]);
        Assert.Equal(wakes[4], tracker.Observe(4, late[4]));
        Assert.Equal(wakes[5], tracker.Observe(5, late[5]));
    }

    [Fact]
    public void An_anchor_a_block_off_is_counted_as_a_disagreement_and_the_chain_is_kept()
    {
        long[] late = [1_000, 2_000, 3_000, 4_000];
        long[] wakes = EngineWakes(0, late);
        var tracker = new BlockWakeTracker(Period);
        tracker.Anchor(0, wakes[0]);
        tracker.Observe(0, late[0]);
        tracker.Anchor(1, wakes[2]); // a torn read: block 2's time under block 1's number
        Assert.Equal(wakes[1], tracker.Observe(1, late[1]));
        Assert.Equal(1, tracker.Disagreements);
        Assert.Equal(wakes[2], tracker.Observe(2, late[2]));
    }
}
