using System.Diagnostics;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// A rack that hosts only the <see cref="BuiltinSynth"/> in generator positions. It stands in for the native
/// plugin rack where none is wired (and in tests), with the same contract: pedal writes around every module
/// call, per-slot peaks and per-module timings in the status block, saturated int16 output.
/// </summary>
public sealed unsafe class BuiltinRack : IEngineRack
{
    private readonly BuiltinSynth?[] _synths = new BuiltinSynth?[StatusBlock.Slots];
    private readonly BuiltinFault?[] _faults = new BuiltinFault?[StatusBlock.Slots];
    private readonly float[] _left = new float[256], _right = new float[256];
    private readonly float[] _mixLeft = new float[256], _mixRight = new float[256];
    private readonly float _slotGain;
    private StatusBlock* _status;
    private Realtime.CallMarkerWriter? _pedal;

    public BuiltinRack(float slotGain) => _slotGain = slotGain;

    public void AttachStatus(StatusBlock* status, Realtime.CallMarkerWriter blockPedal, Realtime.CallMarkerWriter loaderPedal)
    {
        _status = status;
        _pedal = blockPedal;
    }

    public void BindBlockThread() { }

    public void Maintain() { }

    private static bool IsGenerator(int slot, int position) =>
        slot >= 0 && slot < StatusBlock.Slots && position is SlotStatus.GeneratorPosition or EngineCommand.ChainPosition;

    public void Midi(int slot, uint packet)
    {
        if ((uint)slot >= StatusBlock.Slots) return;
        var synth = Volatile.Read(ref _synths[slot]);
        if (synth == null) return;
        Enter(slot, SlotStatus.GeneratorPosition, PluginPhase.Midi);
        synth.Midi(packet);
        Leave();
    }

    public bool SetParam(int slot, int position, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var synth = IsGenerator(slot, position) ? Volatile.Read(ref _synths[slot]) : null;
        if (synth == null) return false;
        Enter(slot, SlotStatus.GeneratorPosition, PluginPhase.Param);
        bool ok = synth.SetParam(key, value);
        Leave();
        return ok;
    }

    public int GetParam(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        var synth = IsGenerator(slot, position) ? Volatile.Read(ref _synths[slot]) : null;
        if (synth == null) return -1;
        Enter(slot, SlotStatus.GeneratorPosition, PluginPhase.Param);
        int n = synth.GetParam(key, destination);
        Leave();
        return n;
    }

    /// <summary>Built-ins never run in a worker.</summary>
    public int GetParamFromWorker(int slot, int position, ReadOnlySpan<byte> key, Span<byte> destination) => -1;

    public long Render(short* interleaved, int frames)
    {
        var mixL = _mixLeft.AsSpan(0, frames); var mixR = _mixRight.AsSpan(0, frames);
        mixL.Clear(); mixR.Clear();
        long pluginNs = 0;
        for (int slot = 0; slot < StatusBlock.Slots; slot++)
        {
            ref var slotStatus = ref _status->SlotTable[slot];
            var synth = Volatile.Read(ref _synths[slot]);
            if (Volatile.Read(ref _faults[slot]) is { } fault)
            {
                Enter(slot, SlotStatus.GeneratorPosition, PluginPhase.Render, fault.IdUtf8);
                fault.Render();
                Leave();
            }
            if (synth == null) continue;
            var l = _left.AsSpan(0, frames); var r = _right.AsSpan(0, frames);
            l.Clear(); r.Clear();
            long start = Stopwatch.GetTimestamp();
            Enter(slot, SlotStatus.GeneratorPosition, PluginPhase.Render);
            synth.Render(l, r);
            Leave();
            long ns = Stopwatch.GetTimestamp() - start;
            pluginNs += ns;
            RecordTiming(ref slotStatus.Modules[SlotStatus.GeneratorPosition], ns);
            slotStatus.LastNs = ns;
            float peak = 0;
            for (int i = 0; i < frames; i++)
            {
                peak = MathF.Max(peak, MathF.Max(MathF.Abs(l[i]), MathF.Abs(r[i])));
                mixL[i] += l[i] * _slotGain; mixR[i] += r[i] * _slotGain;
            }
            slotStatus.Peak = MathF.Max(slotStatus.Peak, MathF.Min(peak, 1f));
        }
        for (int i = 0; i < frames; i++)
        {
            interleaved[2 * i] = Saturate(interleaved[2 * i] / 32767f + mixL[i]);
            interleaved[2 * i + 1] = Saturate(interleaved[2 * i + 1] / 32767f + mixR[i]);
        }
        return pluginNs;
    }

    /// <summary>Float to int16 with saturation: full-scale noise clips, it never wraps.</summary>
    public static short Saturate(float sample) => (short)Math.Clamp(sample * 32767f, -32768f, 32767f);

    private static void RecordTiming(ref ModuleStatus module, long ns)
    {
        module.LastNs = ns;
        module.TotalNs += ns;
        module.Calls++;
        if (ns > module.MaxNs) module.MaxNs = ns;
    }

    private void Enter(int slot, int position, PluginPhase phase) => Enter(slot, position, phase, "builtin-synth"u8);

    private void Enter(int slot, int position, PluginPhase phase, ReadOnlySpan<byte> moduleId)
    {
        fixed (byte* id = moduleId)
            _pedal!.Enter(id, moduleId.Length, slot, (Realtime.ChainPosition)(position + 1), (Realtime.CallPhase)phase);
    }

    private void Leave() => _pedal!.Exit();

    /// <summary>Built-ins are managed code shipped with the host: they never isolate and never see the mailbox, whatever the flags.</summary>
    public PluginLoadOutcome Load(int slot, int position, string path, LoadFlags flags)
    {
        if (!IsGenerator(slot, position))
            return new(LoadResultCode.InvalidSlot, "", $"slot {slot} position {position} takes no built-in module");
        if (BuiltinFault.FromPath(path) is { } fault)
        {
            Volatile.Write(ref _synths[slot], null);
            Volatile.Write(ref _faults[slot], fault);
            return new(LoadResultCode.Ok, ModuleIdOf(path), "deliberately faulty built-in loaded");
        }
        if (path != BuiltinSynth.Path)
            return File.Exists(path)
                ? new(LoadResultCode.OpenFailed, ModuleIdOf(path), "this engine build hosts only the built-in synth")
                : new(LoadResultCode.FileNotFound, ModuleIdOf(path), $"{path} does not exist");
        Volatile.Write(ref _faults[slot], null);
        Volatile.Write(ref _synths[slot], new BuiltinSynth());
        return new(LoadResultCode.Ok, BuiltinSynth.ModuleId, "built-in synth loaded");
    }

    public PluginLoadOutcome Unload(int slot, int position)
    {
        if (!IsGenerator(slot, position)) return new(LoadResultCode.InvalidSlot, "", $"slot {slot} position {position} is empty");
        Volatile.Write(ref _synths[slot], null);
        Volatile.Write(ref _faults[slot], null);
        return new(LoadResultCode.Ok, "", "unloaded");
    }

    public static string ModuleIdOf(string path) => ChainLoad.ModuleIdOf(path);
}
