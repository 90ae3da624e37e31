using System.Buffers.Text;
using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Realtime;

/// <summary>Parameter traffic (block thread only, non-allocating).</summary>
public sealed unsafe partial class Rack
{
    /// <summary>
    /// Block thread: applies one parameter set. <see cref="ParamMessage.Slot"/> is 0-based, or
    /// <see cref="CallMarker.SlotMaster"/> for the master chain (keys <c>fx1:</c>…). Returns false when the key has no
    /// known prefix, the addressed position is empty, the slot is out of range or a slot value does not parse.
    /// </summary>
    public bool ApplyParam(in ParamMessage message)
    {
        fixed (byte* keyBytes = message.Key)
        fixed (byte* valueBytes = message.Value)
        {
            var key = new ReadOnlySpan<byte>(keyBytes, Math.Min((int)message.KeyLength, ParamMessage.KeyCapacity));
            var value = new ReadOnlySpan<byte>(valueBytes, Math.Min((int)message.ValueLength, ParamMessage.ValueCapacity));
            var chain = ChainFor(message.Slot);
            if (chain is null) return false;
            var route = ParamRouter.Resolve(key);
            if (route.Scope == ParamScope.Slot) return message.Slot >= 0 && ApplySlotParam(message.Slot, key[route.InnerKeyOffset..], value);
            if (route.Scope != ParamScope.Plugin) return false;
            CopyTerminated(key[route.InnerKeyOffset..], _paramKey);
            CopyTerminated(value, _paramValue);
            return chain.SetParam(route.Position, _paramKey, _paramValue, _services.BlockMarker);
        }
    }

    /// <summary>
    /// Block thread: get_param through a namespaced key (e.g. <c>synth:chain_params</c>) into <paramref name="value"/>
    /// (capped at <see cref="DspOptions.GetParamMaxBytes"/>). Returns the answer's length, or −1.
    /// </summary>
    public int GetParam(int slot, ReadOnlySpan<byte> key, Span<byte> value)
    {
        var chain = ChainFor(slot);
        if (chain is null || key.Length > ParamMessage.KeyCapacity) return -1;
        var route = ParamRouter.Resolve(key);
        if (route.Scope != ParamScope.Plugin) return -1;
        CopyTerminated(key[route.InnerKeyOffset..], _paramKey);
        int capacity = Math.Min(value.Length, _options.GetParamMaxBytes);
        fixed (byte* buffer = value)
        {
            int length = chain.GetParam(route.Position, _paramKey, buffer, capacity, _services.BlockMarker);
            return length < 0 || length >= capacity ? -1 : length;
        }
    }

    /// <summary>
    /// The plugin a namespaced key addresses in the published chain of <paramref name="slot"/> and the offset of its own
    /// key, or null. Block thread, or the thread that publishes chains (it cannot retire one meanwhile). Allocates nothing.
    /// </summary>
    public NativePlugin? PluginFor(int slot, ReadOnlySpan<byte> key, out int innerKeyOffset)
    {
        innerKeyOffset = 0;
        var route = ParamRouter.Resolve(key);
        if (route.Scope != ParamScope.Plugin) return null;
        innerKeyOffset = route.InnerKeyOffset;
        var plugin = ChainFor(slot)?.PluginAt(route.Position);
        return plugin is { IsUnloaded: false } ? plugin : null;
    }

    /// <summary>Volatile reads: <see cref="PluginFor"/> also runs on the control thread while the block thread adopts chains.</summary>
    private SlotChain? ChainFor(int slot)
    {
        if (slot == CallMarker.SlotMaster) return Volatile.Read(ref _master);
        return slot >= 0 && slot < _current.Length ? Volatile.Read(ref _current[slot]) : null;
    }

    private bool ApplySlotParam(int slot, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (key.SequenceEqual(ParamRouter.SlotVolume))
        {
            if (!Utf8Parser.TryParse(value, out float gain, out int used) || used != value.Length) return false;
            SetSlotVolume(slot, gain);
            return true;
        }
        if (key.SequenceEqual(ParamRouter.SlotReceiveChannel))
        {
            if (!Utf8Parser.TryParse(value, out int channel, out int used) || used != value.Length) return false;
            SetSlotReceiveChannel(slot, channel);
            return true;
        }
        return false;
    }

    private static void CopyTerminated(ReadOnlySpan<byte> source, byte* destination)
    {
        source.CopyTo(new Span<byte>(destination, source.Length));
        destination[source.Length] = 0;
    }
}
