using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Isolation;

/// <summary>The one-block pipeline with well-behaved plugins: sound, FX in place, no allocation on the block thread.</summary>
public sealed class IsolatedPipelineTests
{
    [Fact]
    public void Isolated_synth_plays_the_notes_it_is_sent()
    {
        using var rig = new IsolationRig();
        var synth = rig.Isolate("mev-synth", NativeArtifacts.Plugin("mev_synth"), 0);
        rig.Play(0, synth.Plugin);
        var silent = rig.Run(20);
        var peaks = rig.Run(400, b => b % 50 == 0 ? [MidiEvent.NoteOn(0, 60, 110, 0)] : [], until: () => synth.AnsweredBlocks > 100 && rig.Rack.GetSlotPeak(0) > 0);
        Assert.All(silent, p => Assert.Equal(0f, p[0]));
        Assert.Contains(peaks, p => p[0] > 0.01f);
        Assert.Equal(WorkerState.Ready, synth.State);
        Assert.Empty(rig.Isolation.Faults);
    }

    [Fact]
    public void Isolated_audio_fx_processes_the_slot_signal()
    {
        using var rig = new IsolationRig();
        var noise = rig.InProcess("mev-noise", "mev_noise", 0);
        var delay = rig.TryIsolate("mev-delay", NativeArtifacts.Plugin("mev_delay"), 0, PluginKind.AudioFx);
        Assert.True(delay.Succeeded, delay.Describe());
        rig.Rack.Publish(0, new SlotChain(rig.Host.Options, 0, noise, audioFx: [delay.Plugin!]));
        var peaks = rig.Run(400, until: () => delay.Isolated!.AnsweredBlocks > 50);
        Assert.True(delay.Isolated!.AnsweredBlocks > 0);
        Assert.Contains(peaks, p => p[0] > 0.01f);
    }

    [Fact]
    public void The_block_thread_allocates_nothing_while_an_isolated_plugin_plays()
    {
        using var rig = new IsolationRig();
        var synth = rig.Isolate("mev-synth", NativeArtifacts.Plugin("mev_synth"), 0);
        rig.Play(0, synth.Plugin);
        var midi = new[] { MidiEvent.NoteOn(0, 60, 110, 0) };
        var output = new short[MoveEverything.Engine.Abi.AbiConstants.SamplesPerBlock];
        rig.Run(100, _ => midi);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int b = 0; b < 2000; b++) rig.Rack.ProcessBlock(b % 10 == 0 ? midi : [], output);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Midi_fx_are_refused_for_isolation_with_a_reason()
    {
        using var rig = new IsolationRig();
        var result = rig.TryIsolate("mev-arp", NativeArtifacts.Plugin("mev_arp"), 0, PluginKind.MidiFx);
        Assert.False(result.Succeeded);
        Assert.Contains("in-process", result.Failure!.Reason);
    }
}
