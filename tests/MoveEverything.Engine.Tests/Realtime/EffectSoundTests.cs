using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Realtime;

public unsafe class EffectSoundTests
{
    [Fact]
    public void The_delay_repeats_an_impulse_at_the_set_time()
    {
        using var host = new DspTestHost();
        using var chain = new SlotChain(host.Options, 0, null, audioFx: [host.Delay()]);
        SynthSoundTests.SetParam(host, chain, "time", "100", ChainPosition.AudioFx1);
        SynthSoundTests.SetParam(host, chain, "feedback", "0", ChainPosition.AudioFx1);
        SynthSoundTests.SetParam(host, chain, "mix", "0.5", ChainPosition.AudioFx1);
        var audio = RackDriver.Run(chain, host.Services.BlockMarker, 60, inputAt: b =>
        {
            var block = new short[AbiConstants.SamplesPerBlock];
            if (b == 1) { block[20] = 20000; block[21] = 20000; } // impulse at frame 128 + 10
            return block;
        });
        var left = Signal.Left(audio);
        int impulseFrame = 128 + 10, delayFrames = 4410;
        Assert.Equal(10000, left[impulseFrame], 1.0); // dry half
        Assert.Equal(10000, left[impulseFrame + delayFrames], 1.0); // the echo, wet half
        int nonZero = left.Count(x => x != 0);
        Assert.Equal(2, nonZero); // nothing else: feedback 0
    }

    [Fact]
    public void The_delay_changes_a_synth_signal_measurably_and_its_midi_export_clears_the_line()
    {
        using var host = new DspTestHost();
        using var dry = new SlotChain(host.Options, 0, host.Synth());
        using var wet = new SlotChain(host.Options, 0, host.Synth(), audioFx: [host.Delay()]);
        Func<int, MidiEvent[]> midi = b => b switch { 0 => [MidiEvent.NoteOn(0, 60, 100)], 20 => [MidiEvent.NoteOff(0, 60)], _ => [] };
        var dryTail = Signal.Left(RackDriver.Run(dry, host.Services.BlockMarker, 120, midi)).AsSpan(60 * 128, 40 * 128);
        var wetTail = Signal.Left(RackDriver.Run(wet, host.Services.BlockMarker, 120, midi)).AsSpan(60 * 128, 40 * 128);
        Assert.Equal(0, Signal.Rms(dryTail));
        Assert.True(Signal.Rms(wetTail) > 100, "the echoes continue after the dry note has died away");

        var cleared = RackDriver.Run(wet, host.Services.BlockMarker, 2, b => b == 0 ? [MidiEvent.ControlChange(0, 123, 0)] : []);
        Assert.All(cleared, s => Assert.Equal(0, s)); // CC 123 reached move_audio_fx_on_midi and emptied the line
    }

    [Fact]
    public void The_arpeggiator_turns_a_held_chord_into_an_ascending_sequence_on_the_sample_clock()
    {
        using var host = new DspTestHost();
        var arp = host.Arp();
        byte* outMessages = stackalloc byte[16 * 3];
        int* outLengths = stackalloc int[16];
        byte* message = stackalloc byte[3];
        foreach (int note in new[] { 67, 60, 64 })
        {
            message[0] = 0x90; message[1] = (byte)note; message[2] = 100;
            Assert.Equal(0, arp.ProcessMidi(message, 3, outMessages, outLengths, 16)); // held, not passed through
        }
        var noteOns = new List<(int Block, int Note)>();
        for (int block = 0; block < 300; block++)
        {
            int count = arp.Tick(128, outMessages, outLengths, 16);
            for (int i = 0; i < count; i++)
                if ((outMessages[i * 3] & 0xF0) == 0x90 && outMessages[i * 3 + 2] > 0) noteOns.Add((block, outMessages[i * 3 + 1]));
        }
        Assert.Equal([60, 64, 67, 60, 64, 67], noteOns.Take(6).Select(n => n.Note));
        // 120 bpm, 4 steps per beat: 5512.5 samples = 43.07 blocks per step
        var gaps = noteOns.Zip(noteOns.Skip(1), (a, b) => b.Block - a.Block).ToList();
        Assert.All(gaps, g => Assert.InRange(g, 43, 44));
    }

    [Fact]
    public void In_a_chain_the_arpeggiator_drives_the_synth_through_several_pitches()
    {
        using var host = new DspTestHost();
        using var chain = new SlotChain(host.Options, 0, host.Synth(), midiFx: [host.Arp()]);
        SynthSoundTests.SetParam(host, chain, "waveform", "sine");
        var chord = new[] { MidiEvent.NoteOn(0, 57, 100), MidiEvent.NoteOn(0, 69, 100) };
        var left = Signal.Left(RackDriver.Run(chain, host.Services.BlockMarker, 100, b => b == 0 ? chord : []));
        double first = Signal.DominantFrequency(left.AsSpan(5 * 128, 4096));
        double second = Signal.DominantFrequency(left.AsSpan(48 * 128, 4096));
        Assert.InRange(first, 220 * 0.98, 220 * 1.02);
        Assert.InRange(second, 440 * 0.98, 440 * 1.02);
    }
}
