using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Isolation;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Process;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Isolation;

/// <summary>
/// A rack on the test thread (bound as the block thread) whose slots hold in-process plugins or isolated ones,
/// driven at the real block period so workers see realistic deadlines. Records every slot's peak per block.
/// </summary>
public sealed unsafe class IsolationRig : IDisposable
{
    private readonly DspTestHost _host;
    private readonly List<IsolatedPlugin> _isolated = [];
    private readonly short[] _output = new short[AbiConstants.SamplesPerBlock];

    /// <param name="mailbox">The "engine's" mailbox page mirrored into granted workers (null: none).</param>
    public IsolationRig(Func<WorkerFault, WorkerFaultDecision>? onFault = null, IsolationOptions? options = null, nint mailbox = 0)
    {
        _host = new DspTestHost();
        Rack = new Rack(_host.Services);
        Isolation = new IsolationHost(options ?? new IsolationOptions { RestartBackoffInitialMs = 20 }, _host.Options, onFault, (byte*)mailbox);
    }

    public Rack Rack { get; }
    public IsolationHost Isolation { get; }
    public DspTestHost Host => _host;

    public NativePlugin InProcess(string id, string library, int slot) => _host.Load(id, library, PluginKind.SoundGenerator, slot);

    public IsolatedLoadResult TryIsolate(string id, string path, int slot, PluginKind kind = PluginKind.SoundGenerator, bool grantMailbox = false)
    {
        var result = Isolation.Load(new PluginLoadRequest(id, path, kind, Slot: slot, GrantMailboxAccess: grantMailbox));
        if (result.Isolated != null) _isolated.Add(result.Isolated);
        return result;
    }

    public IsolatedPlugin Isolate(string id, string path, int slot, bool grantMailbox = false)
    {
        var result = TryIsolate(id, path, slot, grantMailbox: grantMailbox);
        Assert.True(result.Succeeded, result.Describe());
        return result.Isolated!;
    }

    public void Play(int slot, NativePlugin generator) => Rack.Publish(slot, new SlotChain(_host.Options, slot, generator));

    /// <summary>Runs <paramref name="blocks"/> paced blocks; returns peaks[block][slot].</summary>
    public float[][] Run(int blocks, Func<int, MidiEvent[]>? midi = null, Func<bool>? until = null)
    {
        var peaks = new List<float[]>(blocks);
        long period = (long)(AbiConstants.FramesPerBlock * 1_000_000_000.0 / AbiConstants.SampleRate);
        long next = LinuxRealtime.NowNanos();
        for (int b = 0; b < blocks; b++)
        {
            Rack.ProcessBlock(midi?.Invoke(b) ?? [], _output);
            var row = new float[Rack.SlotCount];
            for (int s = 0; s < row.Length; s++) row[s] = Rack.GetSlotPeak(s);
            peaks.Add(row);
            while (Rack.TryTakeRetired(out var chain)) chain.Dispose();
            if (until?.Invoke() == true) break;
            next += period;
            LinuxRealtime.SleepUntil(next);
        }
        return peaks.ToArray();
    }

    public void Dispose()
    {
        foreach (var chain in Rack.TakeAllChains()) chain.Dispose();
        foreach (var isolated in _isolated) Isolation.Unload(isolated);
        Isolation.Dispose();
        Rack.Dispose();
        _host.Dispose();
    }
}
