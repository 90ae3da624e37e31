using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Tests.Support;

/// <summary>Runs blocks through a <see cref="Rack"/> or a single <see cref="SlotChain"/> and collects the output.</summary>
public static unsafe class RackDriver
{
    public static List<short> Run(Rack rack, int blocks, Func<int, MidiEvent[]>? midiAt = null)
    {
        var output = new List<short>(blocks * AbiConstants.SamplesPerBlock);
        var block = new short[AbiConstants.SamplesPerBlock];
        for (int b = 0; b < blocks; b++)
        {
            rack.ProcessBlock(midiAt?.Invoke(b) ?? [], block);
            output.AddRange(block);
        }
        return output;
    }

    public static List<short> Run(SlotChain chain, CallMarkerWriter marker, int blocks, Func<int, MidiEvent[]>? midiAt = null,
        Func<int, short[]>? inputAt = null)
    {
        var output = new List<short>(blocks * AbiConstants.SamplesPerBlock);
        var block = new short[AbiConstants.SamplesPerBlock];
        for (int b = 0; b < blocks; b++)
        {
            Array.Clear(block);
            inputAt?.Invoke(b).CopyTo(block, 0);
            fixed (short* p = block) chain.Process(midiAt?.Invoke(b) ?? [], p, marker);
            output.AddRange(block);
        }
        return output;
    }
}
