using System.Runtime.InteropServices;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// Runs plugin loads and unloads off the block thread. The block thread hands it Load/Unload commands through
/// an in-process SPSC ring; results come back through another, and the block thread forwards them to the UI
/// (so the event ring keeps a single producer). Module ids, states, load flags and placement (in-process or
/// isolated) in the status block are written here; the flags are echoed exactly as the sender gave them, so a
/// restarted engine can be handed the same ones.
/// It also answers get_param of modules in DSP workers, which may take a block or two. This thread may allocate for
/// loads (dlopen, strings) — loads are not steady state — but not for parameter reads.
/// </summary>
public sealed unsafe class ControlThread : IDisposable
{
    private readonly IEngineRack _rack;
    private readonly ControlChannel _channel;
    private readonly EngineOptions _options;
    private readonly byte* _memory;
    /// <summary>A worker's get_param answer too large for an event; handed to the block thread (single LargeValue writer).</summary>
    private readonly byte* _largeValue;
    /// <summary>1 while the block thread has not yet copied <see cref="_largeValue"/> out; the control thread waits for 0.</summary>
    private int _largeValueBusy;
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <summary>Producer: block thread. Consumer: this thread.</summary>
    public SpscRing<EngineCommand> Requests { get; }
    /// <summary>Producer: this thread. Consumer: block thread.</summary>
    public SpscRing<EngineEvent> Results { get; }

    public ControlThread(IEngineRack rack, ControlChannel channel, EngineOptions options)
    {
        _rack = rack;
        _channel = channel;
        _options = options;
        int requestBytes = SpscRing<EngineCommand>.RequiredBytes(options.ControlQueueCapacity);
        _memory = (byte*)NativeMemory.AllocZeroed((nuint)(requestBytes + SpscRing<EngineEvent>.RequiredBytes(options.ControlQueueCapacity)));
        Requests = SpscRing<EngineCommand>.Create(_memory, options.ControlQueueCapacity);
        Results = SpscRing<EngineEvent>.Create(_memory + requestBytes, options.ControlQueueCapacity);
        _largeValue = (byte*)NativeMemory.AllocZeroed(LargeValueCapacity);
        _thread = new Thread(Run) { Name = "engine-control", IsBackground = true };
    }

    public void Start() => _thread.Start();

    /// <summary>Loads synchronously on the calling thread (start-up, before the block thread runs).</summary>
    public void LoadNow(ChainLoad request) =>
        Apply(EngineCommand.LoadPlugin(request.Slot, request.Position, request.Path, 0, request.Flags), publish: false);

    private void Run()
    {
        while (!_stop)
        {
            bool any = false;
            while (Requests.TryRead(out var command)) { any = true; Apply(command, publish: true); }
            _rack.Maintain();
            if (!any) Thread.Sleep(_options.ControlPollMs);
        }
    }

    private const int LargeValueCapacity = Abi.AbiConstants.ParamValueMaxBytes;

    /// <summary>
    /// Block thread, forwarding a ParamReply with a large value from <see cref="Results"/>: copies it into the channel's
    /// large-value buffer (the block thread is its only writer) and frees this thread's buffer for the next answer.
    /// </summary>
    public void ForwardLargeValue(SeqlockBuffer target, in EngineEvent reply)
    {
        target.Write(new ReadOnlySpan<byte>(_largeValue, Math.Clamp(reply.Length, 0, LargeValueCapacity)), reply.RequestId);
        Volatile.Write(ref _largeValueBusy, 0);
    }

    /// <summary>
    /// get_param of a module in a DSP worker, which the block thread handed over rather than wait for another process.
    /// The answer goes back like a load result; a large one waits in <see cref="_largeValue"/> for the block thread.
    /// Allocates nothing (parameter reads are steady-state traffic).
    /// </summary>
    private void ApplyParamGet(EngineCommand command)
    {
        while (Volatile.Read(ref _largeValueBusy) != 0 && !_stop) Thread.Sleep(1);
        var destination = new Span<byte>(_largeValue, LargeValueCapacity);
        int n = _rack.GetParamFromWorker(command.Slot, command.Position, FixedUtf8.Slice(command.KeySpan), destination);
        var reply = new EngineEvent
        {
            Kind = EventKind.ParamReply, Slot = command.Slot, Position = command.Position, RequestId = command.RequestId,
            Code = n < 0 ? 1 : 0, Length = Math.Max(n, 0),
        };
        if (n >= EngineEvent.InlineTextBytes) Volatile.Write(ref _largeValueBusy, 1);
        else if (n > 0) destination[..n].CopyTo(reply.TextSpan);
        while (!Results.TryWrite(reply) && !_stop) Thread.Sleep(1); // the block thread drains every block
    }

    private void Apply(EngineCommand command, bool publish)
    {
        if (command.Kind == CommandKind.ParamGet) { ApplyParamGet(command); return; }
        int slot = command.Slot, position = command.Position;
        bool inRange = slot < StatusBlock.SlotEntries && (position < SlotStatus.Positions || position == EngineCommand.ChainPosition);
        int statusPosition = position == EngineCommand.ChainPosition ? SlotStatus.GeneratorPosition : position;
        PluginLoadOutcome outcome;
        if (!inRange) outcome = new(LoadResultCode.InvalidSlot, "", $"no slot {slot} position {position}");
        else if (command.Kind == CommandKind.LoadPlugin)
        {
            string path = FixedUtf8.Read(command.TextSpan);
            ref var module = ref _channel.Status->SlotTable[slot].Modules[statusPosition];
            FixedUtf8.Write(module.IdSpan, BuiltinRack.ModuleIdOf(path));
            module.State = ModuleRunState.Loading;
            module.Flags = command.LoadFlags;
            module.Isolated = 0;
            (module.FaultKind, module.FaultPhase, module.FaultSignal) = (ModuleFaultKind.None, PluginPhase.None, 0);
            outcome = _rack.Load(slot, position, path, command.LoadFlags);
            if (outcome.ModuleId.Length > 0) FixedUtf8.Write(module.IdSpan, outcome.ModuleId);
            module.Isolated = outcome.Succeeded && outcome.Isolated ? (byte)1 : (byte)0;
            module.Reason = (int)outcome.Code;
            module.State = outcome.Succeeded ? ModuleRunState.Running : ModuleRunState.Failed;
        }
        else
        {
            outcome = _rack.Unload(slot, position);
            if (outcome.Succeeded) _channel.Status->SlotTable[slot].Modules[statusPosition] = default;
        }
        Log(command.Kind == CommandKind.UnloadPlugin ? EngineLogEvent.PluginUnloaded
            : outcome.Succeeded ? EngineLogEvent.PluginLoaded : EngineLogEvent.PluginLoadFailed, slot, position, (long)outcome.Code);
        if (!publish) return;
        var result = new EngineEvent
        {
            Kind = EventKind.LoadResult, Slot = (byte)slot, Position = (byte)position,
            RequestId = command.RequestId, Code = (int)outcome.Code,
        };
        FixedUtf8.Write(result.TextSpan, outcome.Detail);
        while (!Results.TryWrite(result) && !_stop) Thread.Sleep(1); // the block thread drains every block
    }

    private void Log(EngineLogEvent e, int slot, int position, long arg0) => _channel.ControlLog.TryWrite(new LogRecord
    {
        MonotonicNanos = LinuxRealtime.NowNanos(), Event = e, Level = e == EngineLogEvent.PluginLoadFailed ? (byte)3 : (byte)2,
        Slot = (byte)slot, Position = position, Arg0 = arg0,
    });

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop = true;
        if (_thread.IsAlive) _thread.Join();
        NativeMemory.Free(_memory);
        NativeMemory.Free(_largeValue);
    }
}
