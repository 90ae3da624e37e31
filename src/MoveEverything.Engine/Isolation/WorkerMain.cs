using System.Diagnostics;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Process;
using MoveEverything.Engine.Realtime;
using MoveEverything.Hardware;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// The DSP worker process (engine executable, <c>worker</c> mode): loads one plugin with the ordinary
/// <see cref="PluginLoader"/>, then answers the engine's requests one block at a time. Its own dead-man's pedal
/// (the <see cref="CallMarker"/> in the shared memory) says which phase it was in when it died.
/// Invariant: after the plugin is loaded the loop allocates nothing; it only ever answers the newest request.
/// Exit codes: 0 stopped (parent gone or SIGTERM), 2 bad arguments, 3 shared memory unusable, 4 plugin refused.
/// </summary>
public sealed unsafe class WorkerMain
{
    private readonly WorkerArguments _args;
    private readonly WorkerLayout _layout;
    private readonly NativePlugin _plugin;
    private readonly CallMarkerWriter _marker;
    private readonly int _parent;
    private readonly short* _buffer;
    private readonly byte* _mirror;
    private volatile bool _stop;

    private WorkerMain(WorkerArguments args, WorkerLayout layout, NativePlugin plugin, CallMarkerWriter marker, short* buffer, byte* mirror, int parent)
    {
        _args = args; _layout = layout; _plugin = plugin; _marker = marker; _buffer = buffer; _mirror = mirror; _parent = parent;
    }

    public static int Run(IReadOnlyList<string> argv)
    {
        var args = WorkerArguments.Parse(argv);
        if (args.Error != null) { Console.Error.WriteLine($"MoveEverything.Engine worker: {args.Error}"); return 2; }
        using var region = SharedMemoryRegion.Open(args.SharedMemoryPath, WorkerLayout.TotalBytes);
        var layout = WorkerLayout.Attach(region.Pointer);
        if (layout is null) { Console.Error.WriteLine("MoveEverything.Engine worker: not a worker region"); return 3; }
        // Spawned by a thread that lives as long as the engine (main, control or watchdog thread); if the engine dies
        // while the plugin hangs, the parent check in the loop is never reached, so let the kernel end this process.
        LinuxRealtime.DieWithParent();
        int parent = args.ParentPid > 0 ? args.ParentPid : LinuxRealtime.getppid();
        if (LinuxRealtime.getppid() != parent) return 0; // the engine died while starting us: nobody to answer
        var header = layout.Header;
        header->WorkerPid = Environment.ProcessId;
        // A get_param asked of a previous worker (which may have died of it) is not this worker's to answer.
        Volatile.Write(ref layout.Query->AnswerSequence, Volatile.Read(ref layout.Query->RequestSequence));
        Volatile.Write(ref header->State, (int)WorkerState.Starting);
        using var marker = new CallMarkerWriter((byte*)layout.Marker);
        // The plugin's mapped_memory: a private page refreshed from each request's snapshot (granted loads only).
        byte* mirror = args.Request.GrantMailboxAccess ? (byte*)System.Runtime.InteropServices.NativeMemory.AlignedAlloc(MailboxLayout.PageSize, 64) : null;
        if (mirror is not null) new Span<byte>(mirror, MailboxLayout.PageSize).Clear();
        var services = new HostServices(DspOptions.Default, mirror);
        services.BindLoaderThread(marker);
        services.BindBlockThread(marker);
        var loader = new PluginLoader(services);
        var result = loader.Load(args.Request);
        if (!result.Succeeded) return Refused(layout, result.Failure);
        var buffer = (short*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(AbiConstants.SamplesPerBlock * sizeof(short));
        var worker = new WorkerMain(args, layout, result.Plugin, marker, buffer, mirror, parent);
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; worker._stop = true; });
        worker.Loop();
        loader.Unload(result.Plugin);
        if (mirror is not null) System.Runtime.InteropServices.NativeMemory.AlignedFree(mirror);
        return 0;
    }

    private static int Refused(WorkerLayout layout, PluginLoadFailure failure)
    {
        var header = layout.Header;
        header->FailureKind = (int)failure.Kind;
        header->FailureFound = failure.Found;
        header->FailureExpected = failure.Expected;
        var reason = new Span<byte>(layout.Reason, WorkerLayout.ReasonCapacity);
        System.Text.Encoding.UTF8.TryGetBytes(failure.Reason.AsSpan(0, Math.Min(failure.Reason.Length, 400)), reason, out int written);
        header->ReasonLength = written;
        Volatile.Write(ref header->State, (int)WorkerState.LoadFailed);
        return 4;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Loop()
    {
        var header = _layout.Header;
        int seen = Volatile.Read(ref header->RequestWord);
        Prepare(); // JIT the loop's callees now, so the first request is answered at full speed
        Volatile.Write(ref header->State, (int)WorkerState.Ready);
        while (!_stop)
        {
            AnswerQuery(); // between renders: the plugin is only ever called from this thread
            int word = Volatile.Read(ref header->RequestWord);
            if (word == seen)
            {
                Futex.Wait(&header->RequestWord, seen, _args.IdleWakeMs);
                Volatile.Write(ref header->Heartbeat, header->Heartbeat + 1);
                if (LinuxRealtime.getppid() != _parent) return; // the engine is gone: so are we
                continue;
            }
            seen = word;
            Answer(Volatile.Read(ref header->LatestRequest));
            Volatile.Write(ref header->Heartbeat, header->Heartbeat + 1);
        }
    }

    private static void Prepare()
    {
        const System.Reflection.BindingFlags flags = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static
            | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
        foreach (var method in typeof(WorkerMain).GetMethods(flags))
            if (method.DeclaringType == typeof(WorkerMain) && !method.IsAbstract) System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
        foreach (var method in typeof(Futex).GetMethods(flags))
            if (method.DeclaringType == typeof(Futex)) System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Answer(long n)
    {
        var header = _layout.Header;
        var request = _layout.Request(n);
        if (Volatile.Read(ref request->Sequence) != n) { header->Skipped++; return; }
        // A torn snapshot (the engine rewrote the slot meanwhile) is caught by the sequence check after the render.
        if (_mirror is not null) Buffer.MemoryCopy(request->Mailbox, _mirror, MailboxLayout.PageSize, MailboxLayout.PageSize);
        ApplyParams();
        int count = Math.Min(request->MidiCount, WorkerRequest.MaxMidi);
        byte* message = stackalloc byte[4];
        for (int i = 0; i < count; i++)
        {
            uint e = request->Midi[i];
            message[0] = (byte)e; message[1] = (byte)(e >> 8); message[2] = (byte)(e >> 16);
            _marker.Enter(_plugin.IdUtf8, _plugin.IdLength, _plugin.Slot, ChainPosition.SoundGenerator, CallPhase.Midi);
            _plugin.OnMidi(message, (int)(e >> 24), AbiConstants.MidiSourceInternal);
            _marker.Exit();
        }
        long start = _marker.Enter(_plugin.IdUtf8, _plugin.IdLength, _plugin.Slot, ChainPosition.SoundGenerator, CallPhase.Render);
        if (_plugin.Kind == PluginKind.AudioFx)
        {
            Buffer.MemoryCopy(request->Audio, _buffer, AbiConstants.SamplesPerBlock * sizeof(short), AbiConstants.SamplesPerBlock * sizeof(short));
            _plugin.Process(_buffer, AbiConstants.FramesPerBlock);
        }
        else _plugin.Render(_buffer, AbiConstants.FramesPerBlock);
        long ticks = Stopwatch.GetTimestamp() - start;
        _marker.Exit();
        header->LastRenderTicks = ticks;
        if (ticks > header->MaxRenderTicks) header->MaxRenderTicks = ticks;
        if (Volatile.Read(ref request->Sequence) != n) { header->Skipped++; return; } // input rewritten: too late
        var answer = _layout.Answer(n);
        Volatile.Write(ref answer->Sequence, -1);
        Buffer.MemoryCopy(_buffer, answer->Audio, AbiConstants.SamplesPerBlock * sizeof(short), AbiConstants.SamplesPerBlock * sizeof(short));
        answer->AnsweredTicks = Stopwatch.GetTimestamp();
        Volatile.Write(ref answer->Sequence, n);
        header->Answered++;
    }

    /// <summary>
    /// Answers a pending get_param of the engine's control thread (<see cref="WorkerParamQuery"/>); set_params that
    /// arrived before it are applied first, so a set followed by a get reads the new value. Allocates nothing.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void AnswerQuery()
    {
        var query = _layout.Query;
        long request = Volatile.Read(ref query->RequestSequence);
        if (request == Volatile.Read(ref query->AnswerSequence)) return;
        ApplyParams();
        query->Key[Math.Clamp(query->KeyLength, 0, ParamMessage.KeyCapacity)] = 0;
        _marker.Enter(_plugin.IdUtf8, _plugin.IdLength, _plugin.Slot, ChainPosition.SoundGenerator, CallPhase.Param);
        int length = _plugin.GetParam(query->Key, query->Value, WorkerParamQuery.ValueCapacity);
        _marker.Exit();
        query->Length = length < 0 || length >= WorkerParamQuery.ValueCapacity ? -1 : length;
        Volatile.Write(ref query->AnswerSequence, request);
        Volatile.Write(ref _layout.Header->Heartbeat, _layout.Header->Heartbeat + 1);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ApplyParams()
    {
        byte* key = stackalloc byte[ParamMessage.KeyCapacity + 1];
        byte* value = stackalloc byte[ParamMessage.ValueCapacity + 1];
        while (_layout.Params.TryRead(out var message))
        {
            int keyLength = Math.Min((int)message.KeyLength, ParamMessage.KeyCapacity);
            int valueLength = Math.Min((int)message.ValueLength, ParamMessage.ValueCapacity);
            Buffer.MemoryCopy(message.Key, key, ParamMessage.KeyCapacity, keyLength);
            Buffer.MemoryCopy(message.Value, value, ParamMessage.ValueCapacity, valueLength);
            key[keyLength] = 0; value[valueLength] = 0;
            _marker.Enter(_plugin.IdUtf8, _plugin.IdLength, _plugin.Slot, ChainPosition.SoundGenerator, CallPhase.Param);
            _plugin.SetParam(key, value);
            _marker.Exit();
        }
    }
}
