using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// The audio rack: <see cref="DspOptions.Slots"/> slot chains mixed with per-slot gain, then the master FX chain.
///
/// Threads: <see cref="ProcessBlock"/>, <see cref="ApplyParam"/> and <see cref="GetParam"/> run on the block thread
/// only and allocate nothing. <see cref="Publish"/>, <see cref="PublishMaster"/>, <see cref="TryTakeRetired"/> and
/// <see cref="TakeAllChains"/> run on the control thread. Volume, receive channel and peaks may be used from any thread.
///
/// Swap protocol: the control thread builds a chain and publishes it (an atomic exchange into a pending cell). At
/// the start of the next block the block thread adopts it, renders the old and the new chain for that block and
/// crossfades old → new across it (no click), then hands the old chain to <see cref="TryTakeRetired"/>'s queue; the
/// control thread unloads it there. Invariant: a chain is touched by the block thread only between adoption and
/// retirement; a pending chain replaced before adoption is returned to the publisher, never seen by the block thread;
/// adoption waits while the retire queue is full, so no chain is ever dropped. An edited chain that reuses plugin
/// instances of the one it replaces is switched at the block boundary without a crossfade (a plugin must not render
/// twice in one block), and <see cref="UnloadRetired"/> unloads only the plugins no chain holds any more.
/// </summary>
public sealed unsafe partial class Rack : IDisposable
{
    private readonly DspOptions _options;
    private readonly HostServices _services;
    private readonly SlotChain[] _current;
    private readonly SlotChain?[] _pending;
    private readonly float[] _gain;
    private readonly int[] _receiveChannel;
    private readonly float[] _peak;
    private readonly MidiEvent[] _routed;
    private readonly RetireQueue<SlotChain> _retired;
    private SlotChain _master;
    private SlotChain? _masterPending;
    private float _masterPeak;
    private long _blocks;
    private long _droppedMidi;
    private short* _slotBuffer;
    private short* _fadeBuffer;
    private float* _accumulator;
    private byte* _paramKey;
    private byte* _paramValue;

    /// <summary>Control thread. Starts with every slot and the master chain empty.</summary>
    public Rack(HostServices services)
    {
        _services = services;
        _options = services.Options;
        int slots = _options.Slots;
        _current = new SlotChain[slots];
        for (int s = 0; s < slots; s++) _current[s] = SlotChain.Empty(_options, s);
        _pending = new SlotChain?[slots];
        _gain = new float[slots];
        Array.Fill(_gain, 1f);
        _receiveChannel = new int[slots];
        Array.Fill(_receiveChannel, -1);
        _peak = new float[slots];
        _routed = new MidiEvent[_options.MaxMidiEventsPerBlock];
        _retired = new RetireQueue<SlotChain>(_options.RetireQueueCapacity);
        _master = SlotChain.Empty(_options, CallMarker.SlotMaster);
        const int samples = AbiConstants.SamplesPerBlock;
        _slotBuffer = (short*)NativeMemory.AlignedAlloc(samples * sizeof(short), 64);
        _fadeBuffer = (short*)NativeMemory.AlignedAlloc(samples * sizeof(short), 64);
        _accumulator = (float*)NativeMemory.AlignedAlloc(samples * sizeof(float), 64);
        _paramKey = (byte*)NativeMemory.AllocZeroed(ParamMessage.KeyCapacity + 1);
        _paramValue = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(ParamMessage.ValueCapacity + 1, _options.GetParamMaxBytes));
    }

    public int SlotCount => _current.Length;
    /// <summary>Blocks processed so far.</summary>
    public long BlocksProcessed => Interlocked.Read(ref _blocks);
    /// <summary>MIDI events dropped because one slot got more than <see cref="DspOptions.MaxMidiEventsPerBlock"/> in a block.</summary>
    public long DroppedMidiEvents => Interlocked.Read(ref _droppedMidi);

    /// <summary>The chain a slot is playing (a snapshot reference; any thread may read its plugins and timing).</summary>
    public SlotChain CurrentChain(int slot) => Volatile.Read(ref _current[slot]);
    /// <summary>The master chain now playing (snapshot).</summary>
    public SlotChain MasterChain => Volatile.Read(ref _master);

    /// <summary>Slot gain, 0..<see cref="DspOptions.MaxSlotGain"/> (1 = 100 %). Any thread.</summary>
    public float GetSlotVolume(int slot) => Volatile.Read(ref _gain[slot]);
    public void SetSlotVolume(int slot, float gain) =>
        Volatile.Write(ref _gain[slot], float.IsNaN(gain) ? 0f : Math.Clamp(gain, 0f, _options.MaxSlotGain));

    /// <summary>Receive channel (−1 all, 0–15) used to route <see cref="MidiEvent.AnySlot"/> events; also what
    /// slot_recv_channel tells the slot's plugins. Any thread.</summary>
    public int GetSlotReceiveChannel(int slot) => Volatile.Read(ref _receiveChannel[slot]);
    public void SetSlotReceiveChannel(int slot, int channel)
    {
        channel = channel is >= 0 and <= 15 ? channel : -1;
        Volatile.Write(ref _receiveChannel[slot], channel);
        Volatile.Read(ref _current[slot]).SetReceiveChannel(channel);
    }

    /// <summary>Peak |sample| of the slot's last block after its gain, 0..1 (can exceed 1 before saturation). Any thread.</summary>
    public float GetSlotPeak(int slot) => Volatile.Read(ref _peak[slot]);
    /// <summary>Peak of the last output block, 0..1. Any thread.</summary>
    public float MasterPeak => Volatile.Read(ref _masterPeak);

    /// <summary>
    /// Control thread: publish <paramref name="chain"/> for <paramref name="slot"/>; the block thread adopts it at the
    /// start of the next block. Returns the previously published chain if the block thread never adopted it (the
    /// caller unloads it), else null.
    /// </summary>
    public SlotChain? Publish(int slot, SlotChain chain)
    {
        if (chain.Slot != slot) throw new ArgumentException($"chain was built for slot {chain.Slot}, not {slot}", nameof(chain));
        return Interlocked.Exchange(ref _pending[slot], chain);
    }

    /// <summary>Control thread: as <see cref="Publish"/>, for the master FX chain (built with slot <see cref="CallMarker.SlotMaster"/>).</summary>
    public SlotChain? PublishMaster(SlotChain chain)
    {
        if (chain.Slot != CallMarker.SlotMaster || chain.Generator is not null)
            throw new ArgumentException("the master chain holds audio FX only and is built for CallMarker.SlotMaster", nameof(chain));
        return Interlocked.Exchange(ref _masterPending, chain);
    }

    /// <summary>Control thread: a chain the block thread no longer uses; unload it with <see cref="SlotChain.Unload"/>.</summary>
    public bool TryTakeRetired(out SlotChain chain) => _retired.TryDequeue(out chain);

    /// <summary>
    /// Control thread: unloads every retired chain's plugins that no current or pending chain still holds (an edited
    /// chain reuses instances), frees the chains, and returns how many chains it collected. Call it regularly.
    /// </summary>
    public int UnloadRetired(PluginLoader loader)
    {
        int collected = 0;
        while (_retired.TryDequeue(out var chain))
        {
            chain.Unload(loader, IsInUse);
            collected++;
        }
        return collected;
    }

    /// <summary>Control thread: true when a current or pending chain (slot or master) holds <paramref name="plugin"/>.</summary>
    public bool IsInUse(NativePlugin plugin)
    {
        for (int s = 0; s < _current.Length; s++)
        {
            if (Volatile.Read(ref _current[s]).Contains(plugin)) return true;
            if (Volatile.Read(ref _pending[s]) is { } pending && pending.Contains(plugin)) return true;
        }
        if (Volatile.Read(ref _master).Contains(plugin)) return true;
        return Volatile.Read(ref _masterPending) is { } masterPending && masterPending.Contains(plugin);
    }

    /// <summary>
    /// Control thread, after the block thread has stopped for good: every chain the rack holds (current, pending,
    /// retired, master), leaving it with empty chains, so the caller can unload them.
    /// </summary>
    public List<SlotChain> TakeAllChains()
    {
        var chains = new List<SlotChain>();
        while (_retired.TryDequeue(out var retired)) chains.Add(retired);
        for (int s = 0; s < _current.Length; s++)
        {
            chains.Add(_current[s]);
            _current[s] = SlotChain.Empty(_options, s);
            if (Interlocked.Exchange(ref _pending[s], null) is { } pending) chains.Add(pending);
        }
        chains.Add(_master);
        _master = SlotChain.Empty(_options, CallMarker.SlotMaster);
        if (Interlocked.Exchange(ref _masterPending, null) is { } masterPending) chains.Add(masterPending);
        return chains;
    }

    public void Dispose()
    {
        if (_slotBuffer is null) return;
        NativeMemory.AlignedFree(_slotBuffer);
        NativeMemory.AlignedFree(_fadeBuffer);
        NativeMemory.AlignedFree(_accumulator);
        NativeMemory.Free(_paramKey);
        NativeMemory.Free(_paramValue);
        _slotBuffer = null;
        _fadeBuffer = null;
        _accumulator = null;
        _paramKey = null;
        _paramValue = null;
    }
}
