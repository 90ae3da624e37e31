using System.Diagnostics;
using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// Adapts the DSP layer's <see cref="Rack"/> and <see cref="PluginLoader"/> (native .so plugins through the C ABI)
/// to the engine process: control-thread loads rebuild the slot's chain and publish it (the rack crossfades it
/// in between blocks); chains the block thread retires are unloaded in <see cref="Maintain"/>, except plugins the
/// current chain still uses. Status positions: 0–1 MIDI FX, 2 generator, 3–6 audio FX; slot 4 = master FX.
/// Generators and audio FX that <see cref="IsolationPolicy"/> isolates (mode and the load's <see cref="LoadFlags.Trusted"/>)
/// load through <see cref="IsolationHost"/> (a worker process; the chain plays the adapter like any plugin); worker
/// faults show as Crashed / Bypassed in the status block.
/// </summary>
public sealed unsafe class NativeRack : IEngineRack, IDisposable
{
    private readonly DspOptions _dsp;
    private readonly HostServices _services;
    private readonly PluginLoader _loader;
    private readonly Rack _rack;
    private readonly MidiEvent[] _midi;
    private readonly NativePlugin?[][] _plugins;
    private int _midiCount;
    private StatusBlock* _status;
    private CallMarkerWriter? _blockPedal;
    private readonly IsolationMode _isolationMode;
    private readonly IsolationOptions _isolationOptions;
    private IsolationHost? _isolation;
    /// <summary>Per slot/position: (int)WorkerFaultKind + 1 of the latest worker fault, 0 none (watchdog writes, block thread reads).</summary>
    private readonly int[][] _workerFaults;

    /// <param name="dsp">DSP limits.</param>
    /// <param name="isolation">Which native modules run in a worker process.</param>
    /// <param name="isolationOptions">Worker limits.</param>
    /// <param name="mailbox">The engine's mailbox page (the transport's), handed as mapped_memory to plugins loaded
    /// with <see cref="LoadFlags.GrantMailbox"/>; null keeps mapped_memory NULL for every plugin.</param>
    public NativeRack(DspOptions? dsp = null, IsolationMode isolation = IsolationMode.None, IsolationOptions? isolationOptions = null,
        byte* mailbox = null)
    {
        _isolationMode = isolation;
        _isolationOptions = isolationOptions ?? IsolationOptions.Default;
        _workerFaults = Enumerable.Range(0, StatusBlock.SlotEntries).Select(_ => new int[SlotStatus.Positions]).ToArray();
        _dsp = dsp ?? new DspOptions();
        _services = new HostServices(_dsp, mailbox);
        _loader = new PluginLoader(_services);
        _rack = new Rack(_services);
        _midi = new MidiEvent[_dsp.MaxMidiEventsPerBlock];
        _plugins = Enumerable.Range(0, StatusBlock.SlotEntries).Select(_ => new NativePlugin?[SlotStatus.Positions]).ToArray();
    }

    public void AttachStatus(StatusBlock* status, CallMarkerWriter blockPedal, CallMarkerWriter loaderPedal)
    {
        _status = status;
        _blockPedal = blockPedal;
        _services.BindLoaderThread(loaderPedal);
    }

    public void BindBlockThread() => _services.BindBlockThread(_blockPedal);

    /// <summary>True when a native plugin sits at the position (control thread).</summary>
    public bool Has(int slot, int position) => _plugins[slot][position] != null;

    public void Midi(int slot, uint packet)
    {
        if (_midiCount == _midi.Length || (uint)slot >= StatusBlock.Slots) return;
        _midi[_midiCount++] = MidiEvent.Message((byte)(packet >> 8), (byte)(packet >> 16 & 0x7F), (byte)(packet >> 24 & 0x7F), (byte)slot);
    }

    private static int RackSlot(int slot) => slot == StatusBlock.MasterSlot ? CallMarker.SlotMaster : slot;

    public bool SetParam(int slot, int position, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (key.Length > ParamMessage.KeyCapacity || value.Length > ParamMessage.ValueCapacity) return false;
        var message = new ParamMessage { Slot = RackSlot(slot), KeyLength = (ushort)key.Length, ValueLength = (ushort)value.Length };
        key.CopyTo(new Span<byte>(message.Key, ParamMessage.KeyCapacity));
        value.CopyTo(new Span<byte>(message.Value, ParamMessage.ValueCapacity));
        return _rack.ApplyParam(message);
    }

    public int GetParam(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination) =>
        _rack.PluginFor(RackSlot(slot), key, out _) is { Isolated: not null } ? IEngineRack.AnswerOnControlThread
            : _rack.GetParam(RackSlot(slot), key, destination);

    /// <summary>
    /// Control thread: resolves the key again in the published chain (it may have changed since the block thread
    /// deferred it) and asks the worker only if the plugin there is still isolated — an in-process plugin is never
    /// called from this thread, since the block thread may be inside it.
    /// </summary>
    public int GetParamFromWorker(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        if (key.Length > ParamMessage.KeyCapacity) return -1;
        var isolated = _rack.PluginFor(RackSlot(slot), key, out int inner)?.Isolated;
        return isolated?.QueryParam(key[inner..], destination, _isolationOptions.ParamQueryTimeoutMs) ?? -1;
    }

    public long Render(short* interleaved, int frames)
    {
        long start = Stopwatch.GetTimestamp();
        _rack.ProcessBlock(new ReadOnlySpan<MidiEvent>(_midi, 0, _midiCount), new Span<short>(interleaved, frames * 2));
        _midiCount = 0;
        for (int s = 0; s < StatusBlock.Slots; s++)
        {
            ref var slot = ref _status->SlotTable[s];
            slot.Peak = MathF.Max(slot.Peak, MathF.Min(_rack.GetSlotPeak(s), 1f));
        }
        PublishBypasses();
        return Stopwatch.GetTimestamp() - start;
    }

    /// <summary>
    /// Block thread: a plugin its <see cref="PluginTiming"/> bypassed (K consecutive overruns of its share) shows as
    /// Bypassed in the status block, so the supervisor, the headless summary and the menu see it. Allocates nothing.
    /// </summary>
    private void PublishBypasses()
    {
        for (int s = 0; s < _plugins.Length; s++)
            for (int p = 0; p < _plugins[s].Length; p++)
            {
                var plugin = _plugins[s][p];
                if (plugin is null) continue;
                int fault = Volatile.Read(ref _workerFaults[s][p]);
                if (!plugin.Timing.IsBypassed && fault == 0) continue;
                ref var module = ref _status->SlotTable[s].Modules[p];
                if (module.State != ModuleRunState.Running) continue;
                int kind = fault & 0xFF; // packed by OnWorkerFault: kind + 1, phase << 8, signal << 16
                bool crashed = kind != 0 && kind != (int)WorkerFaultKind.Overrun + 1;
                if (crashed)
                {
                    module.Reason = (int)LoadResultCode.WorkerFaulted;
                    module.FaultKind = (WorkerFaultKind)(kind - 1) switch
                    {
                        WorkerFaultKind.Crash => ModuleFaultKind.Crash, WorkerFaultKind.Hang => ModuleFaultKind.Hang, _ => ModuleFaultKind.Exit,
                    };
                    module.FaultPhase = (PluginPhase)((fault >> 8) & 0xFF); // CallPhase and PluginPhase share their values
                    module.FaultSignal = (byte)((fault >> 16) & 0xFF);
                }
                module.State = crashed ? ModuleRunState.Crashed : ModuleRunState.Bypassed;
            }
    }

    public PluginLoadOutcome Load(int slot, int position, string path, LoadFlags flags)
    {
        string id = ChainLoad.ModuleIdOf(path);
        if (!ValidPosition(slot, position)) return new(LoadResultCode.InvalidSlot, id, $"slot {slot + 1} has no position {position}");
        var kind = position < SlotStatus.GeneratorPosition ? PluginKind.MidiFx : position == SlotStatus.GeneratorPosition ? PluginKind.SoundGenerator : PluginKind.AudioFx;
        // Fail closed: mapped_memory only with the user's consent carried by the load itself.
        var request = new PluginLoadRequest(id, path, kind, Slot: RackSlot(slot), GrantMailboxAccess: (flags & LoadFlags.GrantMailbox) != 0);
        Volatile.Write(ref _workerFaults[slot][position], 0);
        NativePlugin plugin;
        // MIDI FX stay in-process whatever the policy: their output feeds the same block (a worker adds one block).
        var decision = kind == PluginKind.MidiFx ? new IsolationDecision(false, "MIDI FX run in the engine process")
            : IsolationPolicy.Decide(_isolationMode, flags);
        bool isolate = decision.Isolate;
        if (isolate)
        {
            var isolated = Isolation().Load(request);
            if (!isolated.Succeeded)
                return new(isolated.Failure is { } f ? Map(f.Kind) : LoadResultCode.CreateInstanceFailed, id, isolated.Describe());
            plugin = isolated.Plugin!;
        }
        else
        {
            var result = _loader.Load(request);
            if (!result.Succeeded) return new(Map(result.Failure!.Kind), id, result.Failure.Reason);
            plugin = result.Plugin!;
        }
        _plugins[slot][position] = plugin;
        Publish(slot);
        return new(LoadResultCode.Ok, id, $"{id} loaded: {decision.Reason}", isolate);
    }

    private IsolationHost Isolation() => _isolation ??= new IsolationHost(_isolationOptions, _dsp, OnWorkerFault, _services.Mailbox);

    /// <summary>Watchdog thread: marks the module's position so the block thread publishes the fault; restarts with backoff.</summary>
    private WorkerFaultDecision OnWorkerFault(WorkerFault fault)
    {
        int slot = fault.Slot == CallMarker.SlotMaster ? StatusBlock.MasterSlot : fault.Slot;
        if ((uint)slot < (uint)_plugins.Length)
            for (int p = 0; p < _plugins[slot].Length; p++)
                if (_plugins[slot][p] is { } plugin && plugin.ModuleId == fault.ModuleId)
                    Volatile.Write(ref _workerFaults[slot][p], ((int)fault.Kind + 1) | (int)fault.Phase << 8 | ((fault.Signal ?? 0) & 0xFF) << 16);
        Console.Error.WriteLine($"MoveEverything.Engine: {fault.Describe()}");
        return WorkerFaultDecision.Restart;
    }

    public PluginLoadOutcome Unload(int slot, int position)
    {
        if (!ValidPosition(slot, position) || _plugins[slot][position] == null) return new(LoadResultCode.InvalidSlot, "", "nothing loaded there");
        _plugins[slot][position] = null;
        Publish(slot);
        return new(LoadResultCode.Ok, "", "unloaded");
    }

    private static bool ValidPosition(int slot, int position) =>
        slot >= 0 && slot < StatusBlock.SlotEntries && position >= 0 && position < SlotStatus.FirstAudioFxPosition + SlotStatus.AudioFxPositions
        && (slot != StatusBlock.MasterSlot || position >= SlotStatus.FirstAudioFxPosition);

    private void Publish(int slot)
    {
        var table = _plugins[slot];
        var midiFx = table.Take(SlotStatus.MidiFxPositions).OfType<NativePlugin>().ToArray();
        var audioFx = table.Skip(SlotStatus.FirstAudioFxPosition).Take(SlotStatus.AudioFxPositions).OfType<NativePlugin>().ToArray();
        var chain = new SlotChain(_dsp, RackSlot(slot), table[SlotStatus.GeneratorPosition], midiFx, audioFx);
        var displaced = slot == StatusBlock.MasterSlot ? _rack.PublishMaster(chain) : _rack.Publish(slot, chain);
        if (displaced != null) Release(displaced);
    }

    public void Maintain()
    {
        while (_rack.TryTakeRetired(out var chain)) Release(chain);
    }

    /// <summary>Unloads the plugins of a chain the block thread no longer runs, keeping those still in the table.</summary>
    private void Release(SlotChain chain)
    {
        foreach (var plugin in chain.Plugins)
            if (!_plugins.Any(t => t.Contains(plugin))) _loader.Unload(plugin);
        chain.Dispose();
    }

    private static LoadResultCode Map(PluginLoadFailureKind kind) => kind switch
    {
        PluginLoadFailureKind.FileMissing => LoadResultCode.FileNotFound,
        PluginLoadFailureKind.NotLoadable => LoadResultCode.OpenFailed,
        PluginLoadFailureKind.EntryPointMissing or PluginLoadFailureKind.RequiredSlotMissing => LoadResultCode.MissingSymbol,
        PluginLoadFailureKind.WrongStructVersion => LoadResultCode.WrongApiVersion,
        PluginLoadFailureKind.InitReturnedNull or PluginLoadFailureKind.CreateInstanceReturnedNull or PluginLoadFailureKind.OnLoadFailed => LoadResultCode.CreateInstanceFailed,
        PluginLoadFailureKind.SingletonInUse => LoadResultCode.Refused,
        _ => LoadResultCode.Unknown,
    };

    /// <summary>After the block thread stopped: unload everything.</summary>
    public void Dispose()
    {
        foreach (var chain in _rack.TakeAllChains()) chain.Unload(_loader);
        _rack.Dispose();
        _isolation?.Dispose();
        _loader.Dispose();
        _services.Dispose();
    }
}
