using MoveEverything.Engine.Abi;

namespace MoveEverything.Engine.Realtime;

/// <summary>The per-block path (block thread only, non-allocating).</summary>
public sealed unsafe partial class Rack
{
    /// <summary>
    /// Block thread: one 128-frame block. Routes <paramref name="midi"/> to the slots (by target slot, or by receive
    /// channel for <see cref="MidiEvent.AnySlot"/>; <see cref="MidiEvent.MasterSlot"/> to the master chain), runs every
    /// slot, mixes with gain and saturation, runs the master chain and writes <see cref="AbiConstants.SamplesPerBlock"/>
    /// interleaved int16 samples into <paramref name="output"/>.
    /// </summary>
    public void ProcessBlock(ReadOnlySpan<MidiEvent> midi, Span<short> output)
    {
        if (output.Length < AbiConstants.SamplesPerBlock)
            throw new ArgumentException("output must hold one block of interleaved stereo samples", nameof(output));
        const int samples = AbiConstants.SamplesPerBlock;
        var marker = _services.BlockMarker;
        marker.BlockNumber = _blocks;
        _services.BeginBlock();
        Mixer.Clear(_accumulator, samples);
        for (int slot = 0; slot < _current.Length; slot++)
        {
            int routed = Route(midi, slot);
            RunSlot(slot, new ReadOnlySpan<MidiEvent>(_routed, 0, routed), marker);
            float gain = Volatile.Read(ref _gain[slot]);
            Mixer.Accumulate(_accumulator, _slotBuffer, gain, samples);
            Volatile.Write(ref _peak[slot], Mixer.Peak(_slotBuffer, samples) * gain);
        }
        fixed (short* out_ = output)
        {
            Mixer.Saturate(_accumulator, out_, samples);
            RunMaster(midi, out_, marker);
            Volatile.Write(ref _masterPeak, Mixer.Peak(out_, samples));
        }
        Volatile.Write(ref _blocks, _blocks + 1);
    }

    private void RunSlot(int slot, ReadOnlySpan<MidiEvent> events, CallMarkerWriter marker)
    {
        const int samples = AbiConstants.SamplesPerBlock;
        SlotChain? fadingFrom = null;
        if (Volatile.Read(ref _pending[slot]) is not null && !_retired.IsFull)
        {
            var adopted = Interlocked.Exchange(ref _pending[slot], null);
            if (adopted is not null)
            {
                fadingFrom = _current[slot];
                Volatile.Write(ref _current[slot], adopted);
            }
        }
        new Span<short>(_slotBuffer, samples).Clear();
        _current[slot].Process(events, _slotBuffer, marker);
        if (fadingFrom is null) return;
        if (fadingFrom.SharesPluginsWith(_current[slot]))
        {
            _retired.TryEnqueue(fadingFrom); // an edited chain: its shared plugins must render once, so no crossfade
            return;
        }
        new Span<short>(_fadeBuffer, samples).Clear();
        fadingFrom.Process(ReadOnlySpan<MidiEvent>.Empty, _fadeBuffer, marker);
        Mixer.Crossfade(_fadeBuffer, _slotBuffer, AbiConstants.FramesPerBlock);
        _retired.TryEnqueue(fadingFrom); // cannot fail: adoption waited for room
    }

    private void RunMaster(ReadOnlySpan<MidiEvent> midi, short* mix, CallMarkerWriter marker)
    {
        const int samples = AbiConstants.SamplesPerBlock;
        int routed = RouteMaster(midi);
        var events = new ReadOnlySpan<MidiEvent>(_routed, 0, routed);
        SlotChain? fadingFrom = null;
        if (Volatile.Read(ref _masterPending) is not null && !_retired.IsFull)
        {
            var adopted = Interlocked.Exchange(ref _masterPending, null);
            if (adopted is not null)
            {
                fadingFrom = _master;
                Volatile.Write(ref _master, adopted);
            }
        }
        if (fadingFrom is not null && fadingFrom.SharesPluginsWith(_master))
        {
            _retired.TryEnqueue(fadingFrom); // an edited chain: no crossfade (see RunSlot)
            fadingFrom = null;
        }
        if (fadingFrom is not null) Buffer.MemoryCopy(mix, _fadeBuffer, samples * sizeof(short), samples * sizeof(short));
        _master.Process(events, mix, marker);
        if (fadingFrom is null) return;
        fadingFrom.Process(ReadOnlySpan<MidiEvent>.Empty, _fadeBuffer, marker);
        Mixer.Crossfade(_fadeBuffer, mix, AbiConstants.FramesPerBlock);
        _retired.TryEnqueue(fadingFrom);
    }

    private int Route(ReadOnlySpan<MidiEvent> midi, int slot)
    {
        int channel = Volatile.Read(ref _receiveChannel[slot]);
        int count = 0;
        for (int i = 0; i < midi.Length; i++)
        {
            var ev = midi[i];
            bool mine = ev.Slot == slot ||
                (ev.Slot == MidiEvent.AnySlot && (channel < 0 || !ev.IsChannelMessage || ev.Channel == channel));
            if (!mine) continue;
            if (count == _routed.Length) { Interlocked.Increment(ref _droppedMidi); continue; }
            _routed[count++] = ev;
        }
        return count;
    }

    private int RouteMaster(ReadOnlySpan<MidiEvent> midi)
    {
        int count = 0;
        for (int i = 0; i < midi.Length; i++)
        {
            if (midi[i].Slot != MidiEvent.MasterSlot) continue;
            if (count == _routed.Length) { Interlocked.Increment(ref _droppedMidi); continue; }
            _routed[count++] = midi[i];
        }
        return count;
    }
}
