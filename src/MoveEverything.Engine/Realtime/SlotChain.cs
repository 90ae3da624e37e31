using System.Diagnostics;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// One slot's chain: up to 2 MIDI FX → 1 sound generator → up to 4 audio FX (or, for the master chain, audio FX
/// only, processing the mix in place). Built on the control thread from already loaded plugins, then published to
/// the <see cref="Rack"/>; from then on only the block thread touches it, until the rack hands it back retired and
/// the control thread calls <see cref="Unload"/>. Per block: each MIDI event through every MIDI FX's process_midi,
/// then each MIDI FX's tick, the result to the generator's on_midi and to every audio FX that takes MIDI, then
/// render_block and each process_block. Every plugin call is preceded by a call-marker write and timed; a bypassed
/// plugin is skipped (generator → silence, FX → pass-through).
/// </summary>
public sealed unsafe partial class SlotChain : IDisposable
{
    private readonly NativePlugin[] _midiFx;
    private readonly NativePlugin[] _audioFx;
    private readonly NativePlugin? _generator;
    private readonly MidiEvent[] _stageA;
    private readonly MidiEvent[] _stageB;
    private readonly int _maxOut = AbiConstants.MidiFxMaxOutMessages;
    private byte* _scratch; // 3-byte message, MIDI FX out arrays
    private long _droppedMidi;

    /// <summary>Control thread. Plugins must be loaded for this slot; the chain owns them from now on.</summary>
    /// <param name="options">Limits (chain lengths, MIDI events per block).</param>
    /// <param name="slot">0-based slot, <see cref="CallMarker.SlotMaster"/> for the master chain.</param>
    /// <param name="generator">The sound generator, or null (empty slot / master chain).</param>
    /// <param name="midiFx">0–2 MIDI FX in order.</param>
    /// <param name="audioFx">0–4 audio FX in order.</param>
    public SlotChain(DspOptions options, int slot, NativePlugin? generator,
        IReadOnlyList<NativePlugin>? midiFx = null, IReadOnlyList<NativePlugin>? audioFx = null)
    {
        midiFx ??= [];
        audioFx ??= [];
        if (midiFx.Count > options.MaxMidiFx) throw new ArgumentException($"at most {options.MaxMidiFx} MIDI FX per chain", nameof(midiFx));
        int maxAudio = slot == CallMarker.SlotMaster ? options.MaxMasterFx : options.MaxAudioFx;
        if (audioFx.Count > maxAudio) throw new ArgumentException($"at most {maxAudio} audio FX per chain", nameof(audioFx));
        if (generator is not null && generator.Kind != PluginKind.SoundGenerator) throw new ArgumentException("not a sound generator", nameof(generator));
        Slot = slot;
        _generator = generator;
        _midiFx = Copy(midiFx, PluginKind.MidiFx, nameof(midiFx));
        _audioFx = Copy(audioFx, PluginKind.AudioFx, nameof(audioFx));
        _stageA = new MidiEvent[options.MaxMidiEventsPerBlock];
        _stageB = new MidiEvent[options.MaxMidiEventsPerBlock];
        _scratch = (byte*)NativeMemory.AllocZeroed((nuint)(4 + _maxOut * 3 + _maxOut * sizeof(int)));
    }

    private static NativePlugin[] Copy(IReadOnlyList<NativePlugin> plugins, PluginKind kind, string parameter)
    {
        var copy = new NativePlugin[plugins.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = plugins[i];
            if (copy[i].Kind != kind) throw new ArgumentException($"{copy[i].ModuleId} is not a {kind}", parameter);
        }
        return copy;
    }

    /// <summary>An empty chain (silence) for a slot.</summary>
    public static SlotChain Empty(DspOptions options, int slot) => new(options, slot, null);

    public int Slot { get; }
    public NativePlugin? Generator => _generator;
    public IReadOnlyList<NativePlugin> MidiFx => _midiFx;
    public IReadOnlyList<NativePlugin> AudioFx => _audioFx;
    /// <summary>Every plugin, in chain order (a new list: not for the block thread).</summary>
    public IReadOnlyList<NativePlugin> Plugins
    {
        get
        {
            var all = new List<NativePlugin>(_midiFx);
            if (_generator is not null) all.Add(_generator);
            all.AddRange(_audioFx);
            return all;
        }
    }

    /// <summary>True when <paramref name="plugin"/> is part of this chain. Any thread; allocates nothing.</summary>
    public bool Contains(NativePlugin plugin)
    {
        if (ReferenceEquals(_generator, plugin)) return true;
        for (int i = 0; i < _midiFx.Length; i++) if (ReferenceEquals(_midiFx[i], plugin)) return true;
        for (int i = 0; i < _audioFx.Length; i++) if (ReferenceEquals(_audioFx[i], plugin)) return true;
        return false;
    }

    /// <summary>
    /// True when the two chains hold a plugin instance in common (an edited chain: e.g. the same synth with an FX
    /// added). Such chains must not both render in one block, so the rack switches them without a crossfade.
    /// Block thread or control thread; allocates nothing.
    /// </summary>
    public bool SharesPluginsWith(SlotChain other)
    {
        if (other._generator is not null && Contains(other._generator)) return true;
        for (int i = 0; i < other._midiFx.Length; i++) if (Contains(other._midiFx[i])) return true;
        for (int i = 0; i < other._audioFx.Length; i++) if (Contains(other._audioFx[i])) return true;
        return false;
    }

    /// <summary>Tells every plugin's slot_recv_channel the slot's receive channel. Any thread; allocates nothing.</summary>
    internal void SetReceiveChannel(int channel)
    {
        for (int i = 0; i < _midiFx.Length; i++) _midiFx[i].Host.ReceiveChannel = channel;
        if (_generator is not null) _generator.Host.ReceiveChannel = channel;
        for (int i = 0; i < _audioFx.Length; i++) _audioFx[i].Host.ReceiveChannel = channel;
    }
    /// <summary>MIDI events dropped because a stage exceeded <see cref="DspOptions.MaxMidiEventsPerBlock"/>.</summary>
    public long DroppedMidiEvents => Interlocked.Read(ref _droppedMidi);

    /// <summary>
    /// Block thread. Runs one block: MIDI through the chain, then audio into <paramref name="buffer"/>
    /// (<see cref="AbiConstants.SamplesPerBlock"/> interleaved samples). With a generator the buffer is overwritten;
    /// without one it is processed in place (master chain). Allocates nothing.
    /// </summary>
    public void Process(ReadOnlySpan<MidiEvent> midi, short* buffer, CallMarkerWriter marker)
    {
        ReadOnlySpan<MidiEvent> events = RunMidiFx(midi, marker);
        DeliverMidi(events, marker);
        const int frames = AbiConstants.FramesPerBlock;
        if (_generator is not null)
        {
            if (_generator.Timing.IsBypassed) new Span<short>(buffer, AbiConstants.SamplesPerBlock).Clear();
            else
            {
                long start = marker.Enter(_generator.IdUtf8, _generator.IdLength, Slot, ChainPosition.SoundGenerator, CallPhase.Render);
                _generator.Render(buffer, frames);
                End(_generator, marker, start);
            }
        }
        for (int i = 0; i < _audioFx.Length; i++)
        {
            var fx = _audioFx[i];
            if (fx.Timing.IsBypassed) continue;
            long start = marker.Enter(fx.IdUtf8, fx.IdLength, Slot, (ChainPosition)((int)ChainPosition.AudioFx1 + i), CallPhase.Render);
            fx.Process(buffer, frames);
            End(fx, marker, start);
        }
        CloseTimingBlock();
    }

    private static void End(NativePlugin plugin, CallMarkerWriter marker, long start)
    {
        long elapsed = Stopwatch.GetTimestamp() - start;
        marker.Exit();
        plugin.Timing.AddCall(elapsed);
    }

    private void CloseTimingBlock()
    {
        for (int i = 0; i < _midiFx.Length; i++) _midiFx[i].Timing.EndBlock();
        _generator?.Timing.EndBlock();
        for (int i = 0; i < _audioFx.Length; i++) _audioFx[i].Timing.EndBlock();
    }

    /// <summary>
    /// Control thread, after the rack handed the chain back (or if it was never published): unloads every plugin
    /// (destroy_instance, dlclose) through <paramref name="loader"/> and frees the chain's buffers.
    /// </summary>
    public void Unload(PluginLoader loader) => Unload(loader, static _ => false);

    /// <summary>Control thread: as <see cref="Unload(PluginLoader)"/>, but keeps plugins for which <paramref name="keep"/> is true
    /// (still used by a newer chain; see <see cref="Rack.UnloadRetired"/>).</summary>
    public void Unload(PluginLoader loader, Func<NativePlugin, bool> keep)
    {
        foreach (var plugin in Plugins)
            if (!keep(plugin)) loader.Unload(plugin);
        Dispose();
    }

    /// <summary>Frees native buffers (not the plugins: see <see cref="Unload"/>). Control thread.</summary>
    public void Dispose()
    {
        if (_scratch is null) return;
        NativeMemory.Free(_scratch);
        _scratch = null;
    }
}
