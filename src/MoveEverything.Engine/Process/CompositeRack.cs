using MoveEverything.Engine.Realtime;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// The engine's rack: native plugins (<see cref="NativeRack"/>) and the managed built-ins (<see cref="BuiltinRack"/>:
/// demo synth, deliberately faulty generators) side by side. A <c>builtin:</c> path goes to the built-ins, any other
/// path to the native rack; loading into a position replaces whatever the other rack had there.
/// Each block: output and peaks zeroed, native rack renders, built-ins add (saturating), peak holds updated.
/// </summary>
public sealed unsafe class CompositeRack(NativeRack native, BuiltinRack builtin) : IEngineRack, IDisposable
{
    private readonly bool[,] _builtinAt = new bool[StatusBlock.SlotEntries, SlotStatus.Positions];
    private StatusBlock* _status;

    public void AttachStatus(StatusBlock* status, CallMarkerWriter blockPedal, CallMarkerWriter loaderPedal)
    {
        _status = status;
        native.AttachStatus(status, blockPedal, loaderPedal);
        builtin.AttachStatus(status, blockPedal, loaderPedal);
    }

    public void BindBlockThread() => native.BindBlockThread();

    public void Maintain() => native.Maintain();

    public void Midi(int slot, uint packet)
    {
        native.Midi(slot, packet);
        builtin.Midi(slot, packet);
    }

    public bool SetParam(int slot, int position, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        builtin.SetParam(slot, position, key, value) || native.SetParam(slot, position, key, value);

    public int GetParam(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        int n = builtin.GetParam(slot, position, key, destination);
        return n >= 0 ? n : native.GetParam(slot, position, key, destination);
    }

    public int GetParamFromWorker(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination) =>
        native.GetParamFromWorker(slot, position, key, destination);

    public long Render(short* interleaved, int frames)
    {
        for (int s = 0; s < StatusBlock.Slots; s++) _status->SlotTable[s].Peak = 0;
        long ns = native.Render(interleaved, frames);
        ns += builtin.Render(interleaved, frames);
        for (int s = 0; s < StatusBlock.Slots; s++)
        {
            ref var slot = ref _status->SlotTable[s];
            if (slot.Peak > slot.PeakHold) slot.PeakHold = slot.Peak;
        }
        return ns;
    }

    public PluginLoadOutcome Load(int slot, int position, string path, LoadFlags flags)
    {
        bool toBuiltin = path.StartsWith(ChainLoad.BuiltinPrefix, StringComparison.Ordinal);
        var outcome = toBuiltin ? builtin.Load(slot, position, path, flags) : native.Load(slot, position, path, flags);
        if (!outcome.Succeeded) return outcome;
        int p = position == EngineCommand.ChainPosition ? SlotStatus.GeneratorPosition : position;
        if (toBuiltin && native.Has(slot, p)) native.Unload(slot, p);
        if (!toBuiltin && _builtinAt[slot, p]) builtin.Unload(slot, p);
        _builtinAt[slot, p] = toBuiltin;
        return outcome;
    }

    public PluginLoadOutcome Unload(int slot, int position)
    {
        int p = position == EngineCommand.ChainPosition ? SlotStatus.GeneratorPosition : position;
        if (slot >= 0 && slot < StatusBlock.SlotEntries && p < SlotStatus.Positions && _builtinAt[slot, p])
        {
            _builtinAt[slot, p] = false;
            return builtin.Unload(slot, p);
        }
        return native.Unload(slot, position);
    }

    public void Dispose() => native.Dispose();
}
