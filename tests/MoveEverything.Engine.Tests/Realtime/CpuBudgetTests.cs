using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Realtime;

/// <summary>
/// Bypass after K consecutive overruns. The slow plugin sleeps 50 ms per render — at least 50 ms by the kernel's
/// guarantee, far above the ≈ 726 µs share — so this asserts behaviour, not machine speed.
/// </summary>
public unsafe class CpuBudgetTests
{
    [Fact]
    public void A_plugin_that_overruns_K_blocks_in_a_row_is_bypassed_and_the_slot_goes_silent()
    {
        using var host = new DspTestHost(new DspOptions { OverrunsBeforeBypass = 3 });
        var slow = host.Load("slow", "slow_render", PluginKind.SoundGenerator, path: NativeArtifacts.Faulty("slow_render"));
        using var chain = new SlotChain(host.Options, 0, slow);
        RackDriver.Run(chain, host.Services.BlockMarker, 2);
        Assert.False(slow.Timing.IsBypassed);
        RackDriver.Run(chain, host.Services.BlockMarker, 1);
        Assert.True(slow.Timing.IsBypassed);
        var stats = slow.Timing.Snapshot(new long[host.Options.TimingWindowBlocks]);
        Assert.Equal(3, stats.Blocks);
        Assert.Equal(3, stats.TotalOverruns);
        Assert.True(stats.MinMicroseconds >= 50_000, $"min {stats.MinMicroseconds} µs");
        long sequence = host.Services.BlockMarker.Marker[0].Sequence;
        RackDriver.Run(chain, host.Services.BlockMarker, 5); // bypassed: not called any more
        Assert.Equal(sequence, host.Services.BlockMarker.Marker[0].Sequence);
        Assert.Equal(3, slow.Timing.Snapshot(new long[host.Options.TimingWindowBlocks]).Blocks);
        Assert.Equal("slow: bypassed after 3 blocks in a row over its CPU share (726 µs per block)", slow.BypassReason(host.Options));
        slow.Timing.ClearBypass();
        Assert.Null(slow.BypassReason(host.Options));
        Assert.False(slow.Timing.IsBypassed);
    }

    [Fact]
    public void A_well_behaved_synth_stays_within_its_share_and_reports_timing()
    {
        using var host = new DspTestHost(new DspOptions { OverrunsBeforeBypass = 1000 });
        var synth = host.Synth();
        using var chain = new SlotChain(host.Options, 0, synth);
        RackDriver.Run(chain, host.Services.BlockMarker, 50, b => b == 0 ? [MidiEvent.NoteOn(0, 60, 100)] : []);
        var stats = synth.Timing.Snapshot(new long[host.Options.TimingWindowBlocks]);
        Assert.Equal(50, stats.Blocks);
        Assert.True(stats.MinMicroseconds > 0 && stats.MinMicroseconds <= stats.AverageMicroseconds
            && stats.AverageMicroseconds <= stats.MaxMicroseconds && stats.P99Microseconds <= stats.MaxMicroseconds);
        Assert.False(stats.Bypassed);
    }
}
