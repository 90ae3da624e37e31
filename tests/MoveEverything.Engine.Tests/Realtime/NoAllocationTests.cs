using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Realtime;

/// <summary>
/// The block path allocates nothing: a full rack (4 × arp → synth → delay, master delay) with MIDI and parameter
/// traffic every block runs ≥ 10,000 blocks after warm-up without one managed byte allocated on the block thread
/// and without a single collection in the process.
/// </summary>
[Collection(NoGcCollection.Name)]
public class NoAllocationTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int WarmUpBlocks = 1_000;
    private const int MeasuredBlocks = 10_000;

    [Fact]
    public void Ten_thousand_blocks_with_midi_and_param_traffic_allocate_nothing_and_collect_nothing()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        for (int slot = 0; slot < 4; slot++)
            rack.Publish(slot, new SlotChain(host.Options, slot, host.Synth(slot), midiFx: [host.Arp(slot)], audioFx: [host.Delay(slot)]));
        rack.PublishMaster(new SlotChain(host.Options, CallMarker.SlotMaster, null, audioFx: [host.Delay(CallMarker.SlotMaster)]));
        var traffic = new Traffic();
        var audio = new short[AbiConstants.SamplesPerBlock];

        Run(rack, traffic, audio, 0, WarmUpBlocks);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long blocksBefore = rack.BlocksProcessed;
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        float loudest = Run(rack, traffic, audio, WarmUpBlocks, MeasuredBlocks);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        int[] collectionsAfter = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

        output.WriteLine($"{MeasuredBlocks} blocks in {elapsed.TotalMilliseconds:F0} ms");
        var scratch = new long[4096];
        for (int s = 0; s < 4; s++)
            foreach (var p in rack.CurrentChain(s).Plugins) output.WriteLine($"{p}: {p.Timing.Snapshot(scratch)}");
        foreach (var p in rack.MasterChain.Plugins) output.WriteLine($"{p}: {p.Timing.Snapshot(scratch)}");
        Assert.Equal(MeasuredBlocks, rack.BlocksProcessed - blocksBefore);
        Assert.True(loudest > 0.05f, "the rack made sound, so the plugins really ran");
        Assert.True(traffic.ParamsApplied > MeasuredBlocks / 2, "the param traffic really reached the plugins");
        Assert.True(allocated == 0, $"{allocated} bytes; first at block {traffic.FirstAllocation} in ProcessBlock={traffic.InProcess}");
        Assert.Equal(collectionsBefore, collectionsAfter);
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    private static float Run(Rack rack, Traffic traffic, short[] output, int firstBlock, int blocks)
    {
        float loudest = 0;
        for (int b = firstBlock; b < firstBlock + blocks; b++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            rack.ProcessBlock(traffic.MidiFor(b), output);
            long mid = GC.GetAllocatedBytesForCurrentThread();
            if (rack.ApplyParam(in traffic.ParamFor(b))) traffic.ParamsApplied++;
            if (b % 100 == 0) rack.GetParam(b % 4, Traffic.GetKey, traffic.GetBuffer);
            long after = GC.GetAllocatedBytesForCurrentThread();
            if (after != before && firstBlock > 0 && traffic.FirstAllocation < 0) { traffic.FirstAllocation = b; traffic.InProcess = mid != before; }
            float peak = rack.MasterPeak;
            if (peak > loudest) loudest = peak;
        }
        return loudest;
    }

    /// <summary>Pre-built MIDI and parameter messages, so the loop itself allocates nothing.</summary>
    private sealed class Traffic
    {
        private readonly MidiEvent[][] _midi = new MidiEvent[64][];
        private readonly ParamMessage[] _params;
        public readonly byte[] GetBuffer = new byte[AbiConstants.ParamValueMaxBytes];
        public static ReadOnlySpan<byte> GetKey => "synth:cutoff"u8;
        public int ParamsApplied;
        public int FirstAllocation = -1;
        public bool InProcess;

        public Traffic()
        {
            for (int i = 0; i < _midi.Length; i++)
            {
                int slot = i % 4, note = 48 + i % 24;
                _midi[i] = (i % 8) switch
                {
                    0 => [MidiEvent.NoteOn(0, note, 100, (byte)slot), MidiEvent.NoteOn(0, note + 4, 90, (byte)slot)],
                    4 => [MidiEvent.NoteOff(0, note - 4 * 0, (byte)slot), MidiEvent.NoteOff(0, note + 4, (byte)slot)],
                    6 => [MidiEvent.ControlChange(0, 74, i, (byte)slot)],
                    _ => [],
                };
            }
            _params =
            [
                ParamMessage.Create(0, "synth:cutoff", "2000"), ParamMessage.Create(1, "fx1:mix", "0.4"),
                ParamMessage.Create(2, "midi_fx1:rate", "8"), ParamMessage.Create(3, "synth:waveform", "square"),
                ParamMessage.Create(0, "slot:volume", "0.8"), ParamMessage.Create(CallMarker.SlotMaster, "fx1:feedback", "0.2"),
                ParamMessage.Create(2, "synth:release", "0.2"), ParamMessage.Create(1, "nope:key", "1"),
            ];
        }

        public MidiEvent[] MidiFor(int block) => _midi[(block / 8) % _midi.Length] is var events && block % 8 == 0 ? events : [];
        public ref readonly ParamMessage ParamFor(int block) => ref _params[block % _params.Length];
    }
}
