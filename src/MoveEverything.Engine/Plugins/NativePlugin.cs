using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// One loaded plugin instance. Created and unloaded only by <see cref="PluginLoader"/> (loader thread).
/// The call methods are the raw ABI calls: block thread, non-allocating, and they do NOT write the call marker or
/// time the call — <see cref="SlotChain"/> does both around them. Each skips a NULL optional slot.
/// </summary>
public sealed unsafe class NativePlugin
{
    private readonly void* _api;
    private readonly delegate* unmanaged<void*, byte*, int, int, void> _fxOnMidiExport;
    private byte* _idUtf8;

    internal NativePlugin(PluginLoadRequest request, PluginAbiFlavor flavor, void* api, void* instance,
        delegate* unmanaged<void*, byte*, int, int, void> fxOnMidiExport, HostApiBlock host, DspOptions options)
    {
        ModuleId = request.ModuleId;
        LibraryPath = Path.GetFullPath(request.LibraryPath);
        Kind = request.Kind;
        Slot = request.Slot;
        Flavor = flavor;
        _api = api;
        Instance = instance;
        _fxOnMidiExport = fxOnMidiExport;
        Host = host;
        Timing = new PluginTiming(options);
        byte[] id = System.Text.Encoding.UTF8.GetBytes(request.ModuleId);
        IdLength = Math.Min(id.Length, CallMarker.ModuleIdCapacity);
        _idUtf8 = (byte*)NativeMemory.AllocZeroed(CallMarker.ModuleIdCapacity);
        Marshal.Copy(id, 0, (nint)_idUtf8, IdLength);
    }

    public string ModuleId { get; }
    public string LibraryPath { get; }
    public PluginKind Kind { get; }
    public PluginAbiFlavor Flavor { get; }
    /// <summary>The slot it was loaded for (−1 master).</summary>
    public int Slot { get; }
    /// <summary>Per-block call time and the over-budget bypass state. Written by the block thread.</summary>
    public PluginTiming Timing { get; }
    /// <summary>Its host_api_v1_t (receive channel can be changed at run time).</summary>
    public HostApiBlock Host { get; }
    /// <summary>True once unloaded; no call may follow.</summary>
    public bool IsUnloaded { get; internal set; }
    /// <summary>Set when this is the adapter of a module running in a DSP worker (its get_param goes to the control thread).</summary>
    public Isolation.IsolatedPlugin? Isolated { get; internal set; }

    internal void* Instance { get; }
    internal void* Api => _api;
    /// <summary>The module id as UTF-8 (≤ 64 bytes, native memory) for the call marker.</summary>
    internal byte* IdUtf8 => _idUtf8;
    internal int IdLength { get; }

    /// <summary>Sound generator: render one block into <paramref name="outLr"/> (interleaved int16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Render(short* outLr, int frames)
    {
        if (Flavor == PluginAbiFlavor.SynthV2) ((PluginApiV2*)_api)->RenderBlock(Instance, outLr, frames);
        else if (Flavor == PluginAbiFlavor.SynthV1) ((PluginApiV1*)_api)->RenderBlock(outLr, frames);
    }

    /// <summary>Audio FX: process one block in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Process(short* inOutLr, int frames)
    {
        if (Flavor == PluginAbiFlavor.AudioFxV2) ((AudioFxApiV2*)_api)->ProcessBlock(Instance, inOutLr, frames);
    }

    /// <summary>Whether <see cref="OnMidi"/> reaches the plugin at all (audio FX may have no MIDI input).</summary>
    public bool AcceptsMidi => Flavor switch
    {
        PluginAbiFlavor.SynthV2 => ((PluginApiV2*)_api)->OnMidi != null,
        PluginAbiFlavor.SynthV1 => ((PluginApiV1*)_api)->OnMidi != null,
        PluginAbiFlavor.AudioFxV2 => _fxOnMidiExport != null || ((AudioFxApiV2*)_api)->OnMidi != null,
        _ => false,
    };

    /// <summary>Sound generator or audio FX: one MIDI message (3 bytes or fewer). Audio FX prefer the move_audio_fx_on_midi export.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnMidi(byte* message, int length, int source)
    {
        switch (Flavor)
        {
            case PluginAbiFlavor.SynthV2:
                var v2 = (PluginApiV2*)_api;
                if (v2->OnMidi != null) v2->OnMidi(Instance, message, length, source);
                break;
            case PluginAbiFlavor.SynthV1:
                var v1 = (PluginApiV1*)_api;
                if (v1->OnMidi != null) v1->OnMidi(message, length, source);
                break;
            case PluginAbiFlavor.AudioFxV2:
                if (_fxOnMidiExport != null) _fxOnMidiExport(Instance, message, length, source);
                else if (((AudioFxApiV2*)_api)->OnMidi != null) ((AudioFxApiV2*)_api)->OnMidi(Instance, message, length, source);
                break;
        }
    }

    /// <summary>MIDI FX: transform one message; returns messages written to the out arrays, or −1 if it has no process_midi (pass through).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ProcessMidi(byte* message, int length, byte* outMessages, int* outLengths, int maxOut)
    {
        var fx = (MidiFxApiV1*)_api;
        if (Flavor != PluginAbiFlavor.MidiFxV1 || fx->ProcessMidi == null) return -1;
        return fx->ProcessMidi(Instance, message, length, outMessages, outLengths, maxOut);
    }

    /// <summary>MIDI FX: the per-block tick; returns messages written (0 when it has no tick).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Tick(int frames, byte* outMessages, int* outLengths, int maxOut)
    {
        var fx = (MidiFxApiV1*)_api;
        if (Flavor != PluginAbiFlavor.MidiFxV1 || fx->Tick == null) return 0;
        return fx->Tick(Instance, frames, AbiConstants.SampleRate, outMessages, outLengths, maxOut);
    }

    /// <summary>set_param with NUL-terminated UTF-8 key and value.</summary>
    public void SetParam(byte* key, byte* value)
    {
        switch (Flavor)
        {
            case PluginAbiFlavor.SynthV2: if (((PluginApiV2*)_api)->SetParam != null) ((PluginApiV2*)_api)->SetParam(Instance, key, value); break;
            case PluginAbiFlavor.SynthV1: if (((PluginApiV1*)_api)->SetParam != null) ((PluginApiV1*)_api)->SetParam(key, value); break;
            case PluginAbiFlavor.AudioFxV2: if (((AudioFxApiV2*)_api)->SetParam != null) ((AudioFxApiV2*)_api)->SetParam(Instance, key, value); break;
            case PluginAbiFlavor.MidiFxV1: if (((MidiFxApiV1*)_api)->SetParam != null) ((MidiFxApiV1*)_api)->SetParam(Instance, key, value); break;
        }
    }

    /// <summary>get_param into <paramref name="buffer"/>; returns the length written or −1 (unknown key / no get_param).</summary>
    public int GetParam(byte* key, byte* buffer, int bufferLength) => Flavor switch
    {
        PluginAbiFlavor.SynthV2 when ((PluginApiV2*)_api)->GetParam != null => ((PluginApiV2*)_api)->GetParam(Instance, key, buffer, bufferLength),
        PluginAbiFlavor.SynthV1 when ((PluginApiV1*)_api)->GetParam != null => ((PluginApiV1*)_api)->GetParam(key, buffer, bufferLength),
        PluginAbiFlavor.AudioFxV2 when ((AudioFxApiV2*)_api)->GetParam != null => ((AudioFxApiV2*)_api)->GetParam(Instance, key, buffer, bufferLength),
        PluginAbiFlavor.MidiFxV1 when ((MidiFxApiV1*)_api)->GetParam != null => ((MidiFxApiV1*)_api)->GetParam(Instance, key, buffer, bufferLength),
        _ => -1,
    };

    internal void FreeId()
    {
        if (_idUtf8 is null) return;
        NativeMemory.Free(_idUtf8);
        _idUtf8 = null;
    }

    /// <summary>
    /// Why the plugin is bypassed, for the menu, the log and the JSON status; null while it runs. Control thread
    /// (allocates).
    /// </summary>
    public string? BypassReason(DspOptions options) => Timing.IsBypassed
        ? $"{ModuleId}: bypassed after {options.OverrunsBeforeBypass} blocks in a row over its CPU share " +
          $"({options.BlockPeriodMicroseconds * options.PluginShareOfBlock:F0} µs per block)"
        : null;

    public override string ToString() => $"{ModuleId} ({Flavor}, slot {Slot})";
}
