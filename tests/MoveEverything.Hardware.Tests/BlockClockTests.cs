using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

public class BlockClockTests
{
    [Fact]
    public void A_free_running_clock_counts_blocks_without_waiting_for_deadlines()
    {
        var clock = BlockClock.FreeRunning();
        for (int i = 0; i < 10_000; i++) clock.WaitNext();
        Assert.Equal(10_000, clock.Blocks);
        Assert.Equal(0, clock.Overruns);
    }

    [Fact]
    public void The_nominal_period_is_128_frames_at_44100_Hz()
    {
        Assert.Equal(2_902_494, BlockClock.Realtime().PeriodNanoseconds);
    }

    [Fact]
    public void Absolute_deadlines_never_return_early()
    {
        // A lower bound only (clock_nanosleep with TIMER_ABSTIME cannot wake before its deadline); no upper bound.
        var clock = BlockClock.Realtime();
        long start = BlockClock.MonotonicNanoseconds();
        for (int i = 0; i < 4; i++) clock.WaitNext();
        Assert.True(BlockClock.MonotonicNanoseconds() - start >= 4 * clock.PeriodNanoseconds);
    }

    [Fact]
    public void A_caller_more_than_a_block_late_is_counted_and_the_clock_reanchors_instead_of_bursting()
    {
        var clock = BlockClock.Realtime();
        clock.WaitNext();
        Thread.Sleep(20); // ≈ 7 periods late
        clock.WaitNext();
        Assert.Equal(1, clock.Overruns);
    }
}
