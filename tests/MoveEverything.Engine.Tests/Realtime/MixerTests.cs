using FsCheck;
using FsCheck.Fluent;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Realtime;

public unsafe class MixerTests
{
    [FsCheck.Xunit.Property]
    public bool Saturated_mix_equals_the_clamped_exact_sum(short[] a, short[] b, short[] c, short[] d, byte gainStep)
    {
        int n = new[] { a.Length, b.Length, c.Length, d.Length }.Min();
        float gain = (gainStep % 17) * 0.25f; // 0 .. 4.0 in exact steps
        var accumulator = new float[n];
        var output = new short[n];
        fixed (float* acc = accumulator)
        fixed (short* pa = a, pb = b, pc = c, pd = d, po = output)
        {
            Mixer.Clear(acc, n);
            Mixer.Accumulate(acc, pa, gain, n);
            Mixer.Accumulate(acc, pb, gain, n);
            Mixer.Accumulate(acc, pc, gain, n);
            Mixer.Accumulate(acc, pd, gain, n);
            Mixer.Saturate(acc, po, n);
        }
        for (int i = 0; i < n; i++)
        {
            double exact = (a[i] + b[i] + c[i] + d[i]) * (double)gain;
            short expected = (short)Math.Clamp(Math.Round(exact, MidpointRounding.ToEven), short.MinValue, short.MaxValue);
            if (output[i] != expected) return false;
        }
        return true;
    }

    [Fact]
    public void Four_full_scale_slots_at_400_percent_clip_at_the_rails_and_never_wrap()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        for (int slot = 0; slot < 4; slot++)
        {
            var noise = host.Load("mev-noise", "mev_noise", PluginKind.SoundGenerator, slot);
            var chain = new SlotChain(host.Options, slot, noise);
            SynthSoundTests.SetParam(host, chain, "mode", "square");
            rack.Publish(slot, chain);
            rack.SetSlotVolume(slot, 4f);
        }
        var audio = RackDriver.Run(rack, 4).Skip(AbiConstants.SamplesPerBlock).ToArray(); // after the fade-in block
        for (int i = 0; i < audio.Length; i++)
        {
            bool firstHalf = i % AbiConstants.SamplesPerBlock < AbiConstants.FramesPerBlock;
            Assert.Equal(firstHalf ? short.MaxValue : short.MinValue, audio[i]);
        }
        Assert.True(rack.GetSlotPeak(0) > 3.9f);
        Assert.InRange(rack.MasterPeak, 0.999f, 1f);
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    [Fact]
    public void Random_full_scale_noise_in_every_slot_saturates_exactly()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        for (int slot = 0; slot < 4; slot++)
        {
            rack.Publish(slot, new SlotChain(host.Options, slot, host.Load("mev-noise", "mev_noise", PluginKind.SoundGenerator, slot)));
            rack.SetSlotVolume(slot, 4f);
        }
        var audio = RackDriver.Run(rack, 50).Skip(AbiConstants.SamplesPerBlock).ToArray();
        // each slot is +32767 or −32768, so with k slots high the exact mix is 4·(k·32767 − (4−k)·32768):
        // k ≥ 3 saturates to 32767, k = 2 is exactly −8, k ≤ 1 saturates to −32768. Anything else wrapped.
        Assert.All(audio, s => Assert.True(s is short.MaxValue or -8 or short.MinValue, $"sample {s} wrapped or was not saturated"));
        Assert.Contains(audio, s => s == short.MaxValue);
        Assert.Contains(audio, s => s == -8);
        Assert.Contains(audio, s => s == short.MinValue);
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    [Fact]
    public void The_crossfade_moves_linearly_from_old_to_new_without_a_jump()
    {
        var from = Enumerable.Repeat((short)10000, AbiConstants.SamplesPerBlock).ToArray();
        var to = Enumerable.Repeat((short)-10000, AbiConstants.SamplesPerBlock).ToArray();
        fixed (short* f = from, t = to) Mixer.Crossfade(f, t, AbiConstants.FramesPerBlock);
        Assert.InRange(to[0], 9800, 9900); // first frame is almost all old
        Assert.Equal(-10000, to[^1]); // last frame is all new
        for (int i = 2; i < to.Length; i += 2) Assert.InRange(to[i - 2] - to[i], 150, 160); // steady 156-per-frame ramp
    }
}
