using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Realtime;

/// <summary>The synths make the right sound, not just no crash.</summary>
public class SynthSoundTests
{
    [Theory]
    [InlineData(69, "saw")]
    [InlineData(60, "square")]
    [InlineData(45, "sine")]
    public void A_note_sounds_at_its_pitch(int note, string waveform)
    {
        using var host = new DspTestHost();
        using var chain = new SlotChain(host.Options, 0, host.Synth());
        SetParam(host, chain, "waveform", waveform);
        var audio = RackDriver.Run(chain, host.Services.BlockMarker, 120, b => b == 0 ? [MidiEvent.NoteOn(0, note, 100)] : []);
        var left = Signal.Left(audio).AsSpan(4096, 8192); // past the attack
        Assert.True(Signal.Rms(left) > 1000, $"too quiet: rms {Signal.Rms(left):F0}");
        double expected = Signal.NoteFrequency(note);
        double measured = Signal.DominantFrequency(left);
        Assert.InRange(measured, expected * 0.98, expected * 1.02);
    }

    [Fact]
    public void Note_off_decays_to_silence()
    {
        using var host = new DspTestHost();
        using var chain = new SlotChain(host.Options, 0, host.Synth());
        SetParam(host, chain, "release", "0.05");
        var audio = RackDriver.Run(chain, host.Services.BlockMarker, 100, b => b switch
        {
            0 => [MidiEvent.NoteOn(0, 64, 110)],
            40 => [MidiEvent.NoteOff(0, 64)],
            _ => [],
        });
        var left = Signal.Left(audio);
        double held = Signal.Rms(left.AsSpan(30 * 128, 10 * 128));
        double justAfter = Signal.Rms(left.AsSpan(40 * 128, 2 * 128));
        double tail = Signal.Rms(left.AsSpan(80 * 128, 20 * 128));
        Assert.True(held > 1000, $"held note rms {held:F0}");
        Assert.True(justAfter > 0 && justAfter < held * 1.01, "the release starts from the held level, not from a jump");
        Assert.Equal(0, tail); // 50 ms release is long over after ~0.9 s: exact silence
    }

    [Fact]
    public void Eight_voices_sound_at_once()
    {
        using var host = new DspTestHost();
        using var chain = new SlotChain(host.Options, 0, host.Synth());
        SetParam(host, chain, "waveform", "sine");
        int[] notes = [48, 52, 55, 59, 62, 65, 69, 72];
        var chord = notes.Select(n => MidiEvent.NoteOn(0, n, 90)).ToArray();
        var audio = RackDriver.Run(chain, host.Services.BlockMarker, 120, b => b == 0 ? chord : []);
        var left = Signal.Left(audio).AsSpan(4096, 8192);
        double off = Signal.Goertzel(left, Signal.NoteFrequency(50)); // a note nobody plays
        foreach (int n in notes)
            Assert.True(Signal.Goertzel(left, Signal.NoteFrequency(n)) > 100 * off, $"note {n} is missing from the chord");
    }

    [Fact]
    public void The_v1_synth_loaded_through_the_fallback_plays_in_a_rack_slot_at_pitch()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        rack.Publish(0, new SlotChain(host.Options, 0, host.LegacySynth()));
        var audio = RackDriver.Run(rack, 120, b => b == 1 ? [MidiEvent.NoteOn(0, 57, 100, slot: 0)] : []);
        var left = Signal.Left(audio).AsSpan(4096, 8192);
        Assert.True(Signal.Rms(left) > 1000);
        Assert.InRange(Signal.DominantFrequency(left), 220 * 0.98, 220 * 1.02);
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    internal static unsafe void SetParam(DspTestHost host, SlotChain chain, string key, string value, ChainPosition position = ChainPosition.SoundGenerator)
    {
        byte[] k = System.Text.Encoding.UTF8.GetBytes(key + "\0"), v = System.Text.Encoding.UTF8.GetBytes(value + "\0");
        fixed (byte* kp = k)
        fixed (byte* vp = v)
            Assert.True(chain.SetParam(position, kp, vp, host.Services.BlockMarker));
    }
}
