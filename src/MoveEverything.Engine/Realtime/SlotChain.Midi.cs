using System.Diagnostics;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Realtime;

/// <summary>MIDI routing inside a chain (block thread, non-allocating).</summary>
public sealed unsafe partial class SlotChain
{
    private byte* Message => _scratch;
    private byte* OutMessages => _scratch + 4;
    private int* OutLengths => (int*)(_scratch + 4 + _maxOut * 3);

    /// <summary>Runs the events through each MIDI FX (process_midi per event, then tick) and returns the final stage.</summary>
    private ReadOnlySpan<MidiEvent> RunMidiFx(ReadOnlySpan<MidiEvent> input, CallMarkerWriter marker)
    {
        ReadOnlySpan<MidiEvent> current = input;
        for (int i = 0; i < _midiFx.Length; i++)
        {
            var fx = _midiFx[i];
            if (fx.Timing.IsBypassed) continue;
            MidiEvent[] target = (i & 1) == 0 ? _stageA : _stageB;
            int count = 0;
            var position = (ChainPosition)((int)ChainPosition.MidiFx1 + i);
            for (int e = 0; e < current.Length; e++)
            {
                var ev = current[e];
                Message[0] = ev.Status; Message[1] = ev.Data1; Message[2] = ev.Data2;
                long start = marker.Enter(fx.IdUtf8, fx.IdLength, Slot, position, CallPhase.Midi);
                int produced = fx.ProcessMidi(Message, ev.Length, OutMessages, OutLengths, _maxOut);
                End(fx, marker, start);
                if (produced < 0) count = Append(target, count, ev);
                else count = AppendOutputs(target, count, produced, ev.Source);
            }
            long tickStart = marker.Enter(fx.IdUtf8, fx.IdLength, Slot, position, CallPhase.Tick);
            int ticked = fx.Tick(AbiConstants.FramesPerBlock, OutMessages, OutLengths, _maxOut);
            End(fx, marker, tickStart);
            count = AppendOutputs(target, count, ticked, AbiConstants.MidiSourceInternal);
            current = new ReadOnlySpan<MidiEvent>(target, 0, count);
        }
        return current;
    }

    private int AppendOutputs(MidiEvent[] target, int count, int produced, byte source)
    {
        if (produced > _maxOut) produced = _maxOut; // a plugin that claims more than it may write
        for (int o = 0; o < produced; o++)
        {
            int length = OutLengths[o];
            if (length is < 1 or > 3) continue;
            byte* m = OutMessages + o * 3;
            var ev = new MidiEvent
            {
                Status = m[0], Data1 = length > 1 ? m[1] : (byte)0, Data2 = length > 2 ? m[2] : (byte)0,
                Length = (byte)length, Source = source, Slot = (byte)Math.Max(Slot, 0),
            };
            count = Append(target, count, ev);
        }
        return count;
    }

    private int Append(MidiEvent[] target, int count, in MidiEvent ev)
    {
        if (count < target.Length)
        {
            target[count] = ev;
            return count + 1;
        }
        Interlocked.Increment(ref _droppedMidi);
        return count;
    }

    private int AppendOutputs(MidiEvent[] target, int count, int produced, int source) =>
        AppendOutputs(target, count, produced, (byte)source);

    /// <summary>The generator's on_midi (except FX-broadcast events), then every audio FX that takes MIDI.</summary>
    private void DeliverMidi(ReadOnlySpan<MidiEvent> events, CallMarkerWriter marker)
    {
        if (events.IsEmpty) return;
        var generator = _generator;
        bool toGenerator = generator is not null && !generator.Timing.IsBypassed && generator.AcceptsMidi;
        for (int e = 0; e < events.Length; e++)
        {
            var ev = events[e];
            Message[0] = ev.Status; Message[1] = ev.Data1; Message[2] = ev.Data2;
            if (toGenerator && ev.Source != AbiConstants.MidiSourceFxBroadcast)
            {
                long start = marker.Enter(generator!.IdUtf8, generator.IdLength, Slot, ChainPosition.SoundGenerator, CallPhase.Midi);
                generator.OnMidi(Message, ev.Length, ev.Source);
                End(generator, marker, start);
            }
            for (int i = 0; i < _audioFx.Length; i++)
            {
                var fx = _audioFx[i];
                if (fx.Timing.IsBypassed || !fx.AcceptsMidi) continue;
                long start = marker.Enter(fx.IdUtf8, fx.IdLength, Slot, (ChainPosition)((int)ChainPosition.AudioFx1 + i), CallPhase.Midi);
                fx.OnMidi(Message, ev.Length, ev.Source);
                End(fx, marker, start);
            }
        }
    }
}
