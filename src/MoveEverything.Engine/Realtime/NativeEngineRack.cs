using System.Diagnostics;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Process;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// The engine process's <see cref="IEngineRack"/> over native plugins: a <see cref="Rack"/> of <see cref="SlotChain"/>s
/// loaded by a <see cref="PluginLoader"/>. Plug it in with
/// <c>new EngineHost(args, o => new NativeEngineRack(new DspOptions()))</c>.
///
/// Threads, as the interface requires: <see cref="Midi"/>, <see cref="SetParam"/>, <see cref="GetParam"/> and
/// <see cref="Render"/> on the block thread (non-allocating); <see cref="Load"/> and <see cref="Unload"/> on the control
/// thread (or at start-up before the block thread runs). A load or unload publishes an edited copy of the slot's
/// chain; plugins the block thread let go of are unloaded by the next Load/Unload (or <see cref="CollectRetired"/>).
/// Positions follow the status block: 0–1 MIDI FX, 2 (or <see cref="EngineCommand.ChainPosition"/>) the sound
/// generator, 3–6 audio FX; slot <see cref="StatusBlock.MasterSlot"/> is the master chain (audio FX only).
/// </summary>
public sealed unsafe partial class NativeEngineRack : IEngineRack, IDisposable
{
    private readonly DspOptions _options;
    private readonly HostServices _services;
    private readonly PluginLoader _loader;
    private readonly Rack _rack;
    private readonly SlotChain[] _latest; // control thread's view: the last chain published per slot (+ master)
    private readonly MidiEvent[] _midi;
    private int _midiCount;
    private bool _blockThreadBound;
    private StatusBlock* _status;
    private byte* _key;
    private byte* _value;

    /// <summary>Control thread (or start-up). <paramref name="mailbox"/> is what consenting modules see as mapped_memory.</summary>
    public NativeEngineRack(DspOptions options, byte* mailbox = null)
    {
        _options = options.Validate();
        _services = new HostServices(_options, mailbox);
        _loader = new PluginLoader(_services);
        _rack = new Rack(_services);
        _latest = new SlotChain[_options.Slots + 1];
        for (int s = 0; s < _options.Slots; s++) _latest[s] = _rack.CurrentChain(s);
        _latest[_options.Slots] = _rack.MasterChain;
        _midi = new MidiEvent[_options.MaxMidiEventsPerBlock];
        _key = (byte*)NativeMemory.AllocZeroed(ParamMessage.KeyCapacity + 1);
        _value = (byte*)NativeMemory.AllocZeroed(ParamMessage.ValueCapacity + 1);
    }

    /// <summary>The rack (for status and tests).</summary>
    public Rack Rack => _rack;
    /// <summary>Host callback state: plugin log rings and MIDI-out rings for the engine to drain.</summary>
    public HostServices Services => _services;

    public void AttachStatus(StatusBlock* status) => _status = status;

    /// <summary>Block thread: queues a USB-MIDI packet (byte 0 cable/CIN, 1–3 the message) for the next render.</summary>
    public void Midi(int slot, uint packet)
    {
        if ((uint)slot > (uint)_options.Slots || _midiCount == _midi.Length) return;
        byte status = (byte)(packet >> 8);
        if (status < 0x80) return;
        _midi[_midiCount++] = new MidiEvent
        {
            Status = status, Data1 = (byte)(packet >> 16), Data2 = (byte)(packet >> 24), Length = MessageLength(status),
            Source = (byte)((packet >> 4 & 0x0F) == 2 ? AbiConstants.MidiSourceExternal : AbiConstants.MidiSourceInternal),
            Slot = slot == _options.Slots ? MidiEvent.MasterSlot : (byte)slot,
        };
    }

    private static byte MessageLength(byte status) => (status & 0xF0) switch
    {
        0xC0 or 0xD0 => 2,
        0xF0 => 1,
        _ => 3,
    };

    /// <summary>Block thread: renders one block; returns the nanoseconds spent inside plugins.</summary>
    public long Render(short* interleaved, int frames)
    {
        if (!_blockThreadBound) BindBlockThread();
        _rack.ProcessBlock(new ReadOnlySpan<MidiEvent>(_midi, 0, _midiCount), new Span<short>(interleaved, AbiConstants.SamplesPerBlock));
        _midiCount = 0;
        return PublishStatus();
    }

    private void BindBlockThread()
    {
        _services.BindBlockThread();
        if (_status is not null) _services.BlockMarker.AttachMirror(&_status->Pedal);
        _blockThreadBound = true;
    }

    /// <summary>Writes peaks and per-module timings into the status block; returns the total plugin time in ns.</summary>
    private long PublishStatus()
    {
        long totalTicks = 0;
        for (int s = 0; s <= _options.Slots; s++)
        {
            var chain = s == _options.Slots ? _rack.MasterChain : _rack.CurrentChain(s);
            long slotTicks = 0;
            for (var position = ChainPosition.MidiFx1; position <= ChainPosition.AudioFx4; position++)
            {
                var plugin = chain.PluginAt(position);
                if (plugin is null) continue;
                long ticks = plugin.Timing.LastBlockTicks;
                slotTicks += ticks;
                if (_status is not null) RecordTiming(ref _status->SlotTable[s].Modules[CallMarkerWriter.StatusPosition(position)], plugin.Timing);
            }
            totalTicks += slotTicks;
            if (_status is null || s >= StatusBlock.SlotEntries) continue;
            ref var slot = ref _status->SlotTable[s];
            float peak = s == _options.Slots ? _rack.MasterPeak : Math.Min(_rack.GetSlotPeak(s), 1f);
            slot.Peak = peak;
            if (peak > slot.PeakHold) slot.PeakHold = peak;
            slot.LastNs = ToNanoseconds(slotTicks);
        }
        return ToNanoseconds(totalTicks);
    }

    private static void RecordTiming(ref ModuleStatus module, PluginTiming timing)
    {
        if (module.Calls == timing.CalledBlocks) return; // not called this block (e.g. bypassed)
        long ns = ToNanoseconds(timing.LastBlockTicks);
        module.LastNs = ns;
        module.TotalNs += ns;
        module.Calls = timing.CalledBlocks;
        module.Overruns = timing.TotalOverruns;
        if (ns > module.MaxNs) module.MaxNs = ns;
    }

    private static long ToNanoseconds(long ticks) => (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));

    /// <summary>Block thread: set_param on the plugin at a position (255 = namespaced key through the router).</summary>
    public bool SetParam(int slot, int position, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (key.Length > ParamMessage.KeyCapacity || value.Length > ParamMessage.ValueCapacity) return false;
        var chain = BlockChain(slot);
        if (chain is null) return false;
        if (position == EngineCommand.ChainPosition)
        {
            ParamMessage message = default;
            message.Slot = slot == _options.Slots ? CallMarker.SlotMaster : slot;
            key.CopyTo(new Span<byte>(message.Key, ParamMessage.KeyCapacity));
            value.CopyTo(new Span<byte>(message.Value, ParamMessage.ValueCapacity));
            message.KeyLength = (ushort)key.Length;
            message.ValueLength = (ushort)value.Length;
            return _rack.ApplyParam(in message);
        }
        if (!TryPosition(position, out var chainPosition)) return false;
        Terminate(key, _key);
        Terminate(value, _value);
        return chain.SetParam(chainPosition, _key, _value, _services.BlockMarker);
    }

    /// <summary>Block thread: get_param from the plugin at a position (255 = namespaced key).</summary>
    public int GetParam(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        if (key.Length > ParamMessage.KeyCapacity) return -1;
        var chain = BlockChain(slot);
        if (chain is null) return -1;
        int rackSlot = slot == _options.Slots ? CallMarker.SlotMaster : slot;
        if (position == EngineCommand.ChainPosition) return _rack.GetParam(rackSlot, key, destination);
        if (!TryPosition(position, out var chainPosition)) return -1;
        Terminate(key, _key);
        int capacity = Math.Min(destination.Length, _options.GetParamMaxBytes);
        fixed (byte* buffer = destination)
        {
            int length = chain.GetParam(chainPosition, _key, buffer, capacity, _services.BlockMarker);
            return length < 0 || length >= capacity ? -1 : length;
        }
    }

    private SlotChain? BlockChain(int slot)
    {
        if (slot == _options.Slots) return _rack.MasterChain;
        return (uint)slot < (uint)_options.Slots ? _rack.CurrentChain(slot) : null;
    }

    private static bool TryPosition(int position, out ChainPosition chainPosition)
    {
        chainPosition = position switch
        {
            0 => ChainPosition.MidiFx1,
            1 => ChainPosition.MidiFx2,
            SlotStatus.GeneratorPosition or EngineCommand.ChainPosition => ChainPosition.SoundGenerator,
            >= SlotStatus.FirstAudioFxPosition and < SlotStatus.FirstAudioFxPosition + SlotStatus.AudioFxPositions
                => (ChainPosition)((int)ChainPosition.AudioFx1 + position - SlotStatus.FirstAudioFxPosition),
            _ => ChainPosition.None,
        };
        return chainPosition != ChainPosition.None;
    }

    private static void Terminate(ReadOnlySpan<byte> source, byte* destination)
    {
        source.CopyTo(new Span<byte>(destination, source.Length));
        destination[source.Length] = 0;
    }
}
