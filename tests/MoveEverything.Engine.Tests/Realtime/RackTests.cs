using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Realtime;

public unsafe class RackTests
{
    [Fact]
    public void A_published_chain_is_adopted_next_block_and_the_old_one_comes_back_retired()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        var empty = rack.CurrentChain(1);
        var first = new SlotChain(host.Options, 1, host.Synth(1));
        Assert.Null(rack.Publish(1, first));
        Assert.False(rack.TryTakeRetired(out _));
        RackDriver.Run(rack, 1);
        Assert.Same(first, rack.CurrentChain(1));
        Assert.True(rack.TryTakeRetired(out var retired));
        Assert.Same(empty, retired);

        var second = new SlotChain(host.Options, 1, host.Synth(1));
        var third = new SlotChain(host.Options, 1, host.Synth(1));
        Assert.Null(rack.Publish(1, second));
        Assert.Same(second, rack.Publish(1, third)); // never adopted: handed back to the publisher
        RackDriver.Run(rack, 1);
        Assert.Same(third, rack.CurrentChain(1));
        Assert.True(rack.TryTakeRetired(out retired));
        Assert.Same(first, retired);
        first.Unload(host.Loader);
        second.Unload(host.Loader);
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    [Fact]
    public void Swapping_a_sounding_chain_out_fades_over_one_block_instead_of_cutting()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        var synth = new SlotChain(host.Options, 0, host.Synth());
        SynthSoundTests.SetParam(host, synth, "waveform", "square");
        rack.Publish(0, synth);
        RackDriver.Run(rack, 20, b => b == 0 ? [MidiEvent.NoteOn(0, 60, 127, slot: 0)] : []);
        rack.Publish(0, SlotChain.Empty(host.Options, 0));
        var swap = Signal.Left(RackDriver.Run(rack, 2));
        double head = Signal.Rms(swap.AsSpan(0, 32)), tail = Signal.Rms(swap.AsSpan(96, 32));
        Assert.True(head > 1000, "the old chain still sounds at the start of the swap block");
        Assert.True(tail < head / 3, "and fades out across it");
        Assert.All(swap.Skip(128), s => Assert.Equal(0, s)); // the next block is the new (empty) chain
        Assert.True(rack.TryTakeRetired(out var old));
        old.Unload(host.Loader);
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    [Fact]
    public void Editing_a_chain_keeps_the_shared_synth_playing_and_unloads_only_what_left()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        var synth = host.Synth();
        var delayA = host.Delay();
        rack.Publish(0, new SlotChain(host.Options, 0, synth, audioFx: [delayA]));
        RackDriver.Run(rack, 1);
        rack.UnloadRetired(host.Loader);
        RackDriver.Run(rack, 10, b => b == 0 ? [MidiEvent.NoteOn(0, 60, 100, slot: 0)] : []);
        var delayB = host.Delay();
        rack.Publish(0, new SlotChain(host.Options, 0, synth, audioFx: [delayB])); // same synth, another delay
        var after = Signal.Left(RackDriver.Run(rack, 10));
        Assert.True(Signal.Rms(after.AsSpan(0, 128)) > 500, "the held note carries on through the edit");
        Assert.Equal(1, rack.UnloadRetired(host.Loader));
        Assert.True(delayA.IsUnloaded);
        Assert.False(synth.IsUnloaded);
        Assert.False(delayB.IsUnloaded);
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    [Fact]
    public void Midi_is_routed_by_target_slot_and_by_receive_channel()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        for (int slot = 0; slot < 2; slot++) rack.Publish(slot, new SlotChain(host.Options, slot, host.Synth(slot)));
        rack.SetSlotReceiveChannel(1, 5);
        RackDriver.Run(rack, 1);
        RackDriver.Run(rack, 10, b => b == 0 ? [MidiEvent.NoteOn(5, 60, 100)] : []); // channel 6 (0-based 5): both take it
        Assert.True(rack.GetSlotPeak(0) > 0.01f && rack.GetSlotPeak(1) > 0.01f);
        RackDriver.Run(rack, 80, b => b == 0 ? [MidiEvent.NoteOff(5, 60)] : []);
        RackDriver.Run(rack, 10, b => b == 0 ? [MidiEvent.NoteOn(2, 60, 100)] : []); // channel 3: slot 1 listens to 5 only
        Assert.True(rack.GetSlotPeak(0) > 0.01f);
        Assert.Equal(0f, rack.GetSlotPeak(1));
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    [Fact]
    public void Namespaced_params_reach_the_right_plugin_and_slot_keys_set_the_slot()
    {
        using var host = new DspTestHost();
        using var rack = new Rack(host.Services);
        rack.Publish(0, new SlotChain(host.Options, 0, host.Synth(), midiFx: [host.Arp()], audioFx: [host.Delay()]));
        RackDriver.Run(rack, 1);
        Assert.True(rack.ApplyParam(ParamMessage.Create(0, "synth:waveform", "sine")));
        Assert.True(rack.ApplyParam(ParamMessage.Create(0, "fx1:time", "123")));
        Assert.True(rack.ApplyParam(ParamMessage.Create(0, "midi_fx1:rate", "8")));
        Assert.True(rack.ApplyParam(ParamMessage.Create(0, "slot:volume", "0.5")));
        Assert.False(rack.ApplyParam(ParamMessage.Create(0, "fx2:time", "10"))); // empty position
        Assert.False(rack.ApplyParam(ParamMessage.Create(0, "lfo9:rate", "1"))); // unknown prefix
        Assert.False(rack.ApplyParam(ParamMessage.Create(7, "synth:waveform", "saw"))); // no such slot
        Assert.False(rack.ApplyParam(ParamMessage.Create(0, "slot:volume", "loud")));
        Assert.Equal("sine", Get(rack, 0, "synth:waveform"));
        Assert.Equal("123.0000", Get(rack, 0, "fx1:time"));
        Assert.Equal("8", Get(rack, 0, "midi_fx1:rate"));
        Assert.StartsWith("[{", Get(rack, 0, "synth:chain_params"));
        Assert.Equal(0.5f, rack.GetSlotVolume(0));
        foreach (var chain in rack.TakeAllChains()) chain.Unload(host.Loader);
    }

    [Theory]
    [InlineData("synth:cutoff", ParamScope.Plugin, ChainPosition.SoundGenerator, "cutoff")]
    [InlineData("fx1:mix", ParamScope.Plugin, ChainPosition.AudioFx1, "mix")]
    [InlineData("fx4:x", ParamScope.Plugin, ChainPosition.AudioFx4, "x")]
    [InlineData("midi_fx2:rate", ParamScope.Plugin, ChainPosition.MidiFx2, "rate")]
    [InlineData("slot:volume", ParamScope.Slot, ChainPosition.None, "volume")]
    [InlineData("fx5:mix", ParamScope.Unknown, ChainPosition.None, "")]
    [InlineData("midi_fx3:rate", ParamScope.Unknown, ChainPosition.None, "")]
    [InlineData("cutoff", ParamScope.Unknown, ChainPosition.None, "")]
    public void The_router_resolves_prefixes(string key, ParamScope scope, ChainPosition position, string inner)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(key);
        var route = ParamRouter.Resolve(bytes);
        Assert.Equal(scope, route.Scope);
        Assert.Equal(position, route.Position);
        if (scope != ParamScope.Unknown) Assert.Equal(inner, System.Text.Encoding.UTF8.GetString(bytes, route.InnerKeyOffset, bytes.Length - route.InnerKeyOffset));
    }

    private static string Get(Rack rack, int slot, string key)
    {
        var buffer = new byte[AbiConstants.ParamValueMaxBytes];
        int length = rack.GetParam(slot, System.Text.Encoding.UTF8.GetBytes(key), buffer);
        Assert.True(length >= 0, $"get {key} failed");
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }
}
