using MoveEverything.Simulator.Headless;

namespace MoveEverything.Simulator.Tests.Headless;

/// <summary>The baseline process's line format, as the bench reads it.</summary>
public sealed class BaselineReportTests
{
    [Fact]
    public void A_full_report_gives_totals_over_threads_sorted_stalls_and_lateness()
    {
        const string text = """
            ready 1000 2
            mlock 0
            thread 0 100 1 0 0
            thread 1 100 2 0 0
            late 30000 60000 3500000
            stall 1 9000 3500000
            stall 0 5000 600000
            end
            """;

        var r = BaselineReport.Parse(new StringReader(text));

        Assert.Equal(1000, r.StartNanos);
        Assert.Equal(200, r.Blocks);
        Assert.Equal(3, r.Missed);
        Assert.True(r.Realtime);
        Assert.Equal(0, r.MemoryLockErrno);
        Assert.Equal(new Percentiles(30000, 60000, 3500000), r.LateNs);
        Assert.Equal([5000L, 9000L], r.Stalls.Select(s => s.WakeNanos));
    }

    [Fact]
    public void A_thread_refused_SCHED_FIFO_makes_the_baseline_not_realtime()
    {
        var r = BaselineReport.Parse(new StringReader("ready 1 1\nmlock 1\nthread 0 10 0 1 0\nlate 1 2 3\nend\n"));
        Assert.False(r.Realtime);
    }

    [Theory]
    [InlineData("ready 1 1\nthread 0 10 0 0 0\nlate 1 2 3\n")] // cut off before "end"
    [InlineData("ready 1 1\nthread 0 ten 0 0 0\nlate 1 2 3\nend\n")]
    [InlineData("ready 1 1\nbogus 1\nend\n")]
    public void Truncated_or_malformed_output_is_a_FormatException_naming_the_problem(string text)
    {
        var e = Assert.Throws<FormatException>(() => BaselineReport.Parse(new StringReader(text)));
        Assert.Contains("baseline output", e.Message);
    }

    [Fact]
    public void The_engine_executable_baseline_mode_reports_one_thread_per_cpu()
    {
        using var baseline = BaselineProcess.Start(0.3, priority: 80, stallMicroseconds: 500);
        var r = baseline.Finish(TimeSpan.FromSeconds(30));

        Assert.Equal(Environment.ProcessorCount, r.Threads.Count);
        Assert.All(r.Threads, t => Assert.True(t.Blocks > 0, $"cpu {t.Cpu} recorded no wakes"));
        Assert.Equal(r.Threads.Sum(t => t.Blocks), r.Blocks);
        Assert.True(r.LateNs.Max >= r.LateNs.P50);
    }
}
