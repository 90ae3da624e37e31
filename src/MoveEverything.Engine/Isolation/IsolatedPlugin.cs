using System.Diagnostics;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Hardware;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// The engine side of one isolated module, and its adapter into <see cref="SlotChain"/>: <see cref="Plugin"/> is an
/// ordinary <see cref="NativePlugin"/> whose ABI struct points at this class's entry points, so the chain calls it
/// exactly as an in-process plugin (call marker, timing, bypass) without knowing.
///
/// One-block pipeline (block thread, no wait, no allocation): at block N, <see cref="Exchange"/> first takes the
/// worker's answer to N−1 into the output (missing or torn → silence, counted), then publishes request N (MIDI since
/// the last block, audio input for an FX) and wakes the worker with one futex call. The added latency is one block.
/// After <see cref="IsolationOptions.LateAnswersBeforeBypass"/> late answers in a row from a live worker (heartbeat moving), the module
/// is bypassed (generator silent, FX passes through) and <see cref="IsBypassed"/> tells the watchdog.
///
/// Mailbox grant: the worker is another process, so it cannot be handed the engine's page. A module loaded with
/// the grant gets a mirror instead: each request carries a copy of the engine's page taken at publish, which the worker
/// copies into the page its plugin holds as mapped_memory before the request's calls. The snapshot is read-only in
/// effect: the plugin may write its mirror, but nothing copies it back, so writes from a worker never reach the
/// hardware (a write would race the block thread's own writes one block late, and a faulty module could corrupt the
/// SPI exchange — exactly what isolation is there to prevent).
/// </summary>
public sealed unsafe partial class IsolatedPlugin
{
    /// <summary>Blocks after a worker becomes ready whose late answers do not count (its first calls fault pages in).</summary>
    public const int WarmupBlocks = 32;
    private readonly WorkerLayout _layout;
    private readonly int _lateBeforeBypass;
    private readonly uint* _midi;
    private readonly long* _roundTrips;
    private readonly byte* _mailbox;
    private readonly int _roundTripMask;
    private readonly long[] _published = new long[2];
    private int _midiCount;
    private long _next = 1, _lastPublished = -10, _roundTripCount;
    private long _answered, _late, _silenced, _droppedMidi, _droppedParams;
    private int _consecutiveLate;
    private long _streakStartBeat;
    private int _readyBlocks;
    private volatile bool _bypassed;

    /// <param name="mailbox">The engine's mailbox page, copied into every request for a module granted it; null otherwise.</param>
    internal IsolatedPlugin(WorkerLayout layout, SharedMemoryRegion region, WorkerArguments arguments, IsolationOptions options, byte* mailbox)
    {
        _layout = layout;
        _mailbox = mailbox;
        Region = region;
        Arguments = arguments;
        _lateBeforeBypass = options.LateAnswersBeforeBypass;
        _midi = (uint*)NativeMemory.AllocZeroed(WorkerRequest.MaxMidi * sizeof(uint));
        int window = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)options.RoundTripWindow);
        _roundTrips = (long*)NativeMemory.AllocZeroed((nuint)(window * sizeof(long)));
        _roundTripMask = window - 1;
    }

    /// <summary>The adapter the chain holds (set once by <see cref="IsolationHost"/>).</summary>
    public NativePlugin Plugin { get; internal set; } = null!;
    public string ModuleId => Arguments.Request.ModuleId;
    public int Slot => Arguments.Request.Slot;
    internal WorkerArguments Arguments { get; }
    internal SharedMemoryRegion Region { get; }
    internal WorkerLayout Layout => _layout;
    internal GCHandle Handle { get; set; }
    internal void* Api { get; set; }

    public WorkerState State => (WorkerState)Volatile.Read(ref _layout.Header->State);
    /// <summary>True once its answers came late K blocks in a row; cleared by <see cref="ClearBypass"/>.</summary>
    public bool IsBypassed => _bypassed;
    /// <summary>Blocks whose answer arrived in time.</summary>
    public long AnsweredBlocks => Interlocked.Read(ref _answered);
    /// <summary>Blocks silenced because the answer was missing while the worker was alive (late or torn).</summary>
    public long LateBlocks => Interlocked.Read(ref _late);
    /// <summary>Blocks silenced because no worker was ready (starting, crashed, restarting, bypassed).</summary>
    public long SilencedBlocks => Interlocked.Read(ref _silenced);
    public long DroppedMidi => Interlocked.Read(ref _droppedMidi);
    public long DroppedParams => Interlocked.Read(ref _droppedParams);
    /// <summary>The worker's slowest render so far, µs.</summary>
    public double WorkerMaxRenderMicroseconds => _layout.Header->MaxRenderTicks * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>Control thread: lift an overrun bypass (the user re-enabled the module).</summary>
    public void ClearBypass() { _consecutiveLate = 0; _readyBlocks = 0; _bypassed = false; }

    /// <summary>Watchdog, before a restart: the next worker starts from a clean count.</summary>
    internal void OnWorkerRestart() => _readyBlocks = 0;

    /// <summary>
    /// Publish→answer round trips of the last window in µs (publish of request N to the worker's answer to N),
    /// copied into <paramref name="destination"/>; returns the count. Any thread, approximate.
    /// </summary>
    public int CopyRoundTrips(Span<double> destination)
    {
        long count = Math.Min(Interlocked.Read(ref _roundTripCount), _roundTripMask + 1);
        int n = (int)Math.Min(count, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = _roundTrips[i] * 1_000_000.0 / Stopwatch.Frequency;
        return n;
    }

    /// <summary>Block thread: one MIDI message for the next request.</summary>
    internal void OnMidi(byte* message, int length)
    {
        if (_midiCount == WorkerRequest.MaxMidi) { _droppedMidi++; return; }
        uint e = message[0];
        if (length > 1) e |= (uint)message[1] << 8;
        if (length > 2) e |= (uint)message[2] << 16;
        _midi[_midiCount++] = e | (uint)length << 24;
    }

    /// <summary>Block thread: forwards a set_param to the worker (applied before its next render).</summary>
    internal void SetParam(byte* key, byte* value)
    {
        var message = new ParamMessage { Slot = Slot };
        int k = 0, v = 0;
        while (k < ParamMessage.KeyCapacity && key[k] != 0) { message.Key[k] = key[k]; k++; }
        while (v < ParamMessage.ValueCapacity && value[v] != 0) { message.Value[v] = value[v]; v++; }
        message.KeyLength = (ushort)k;
        message.ValueLength = (ushort)v;
        if (!_layout.Params.TryWrite(message)) _droppedParams++;
    }

    /// <summary>
    /// Block thread, once per block: output ← answer N−1 (or silence), then publish request N. For an audio FX
    /// <paramref name="input"/> is the signal to process (same buffer as <paramref name="output"/>).
    /// </summary>
    internal void Exchange(short* output, short* input)
    {
        const int samples = AbiConstants.SamplesPerBlock;
        long n = _next++;
        bool ready = Volatile.Read(ref _layout.Header->State) == (int)WorkerState.Ready;
        bool requestedPrevious = _lastPublished == n - 1;
        if (_bypassed)
        {
            if (input is null) new Span<short>(output, samples).Clear(); // FX: pass through untouched
            _midiCount = 0;
            return;
        }
        if (input is not null) Publish(n, input, ready, copyFirst: true);
        if (ready) _readyBlocks++;
        if (TakeAnswer(n - 1, output)) _consecutiveLate = 0;
        else
        {
            new Span<short>(output, samples).Clear();
            if (ready && requestedPrevious && _readyBlocks > WarmupBlocks)
            {
                Interlocked.Increment(ref _late);
                long beat = Volatile.Read(ref _layout.Header->Heartbeat);
                if (_consecutiveLate++ == 0) _streakStartBeat = beat;
                // Late but alive (its heartbeat moved during the streak) = over budget. A frozen heartbeat is a hang:
                // the watchdog's call, never a bypass.
                if (_consecutiveLate >= _lateBeforeBypass && beat != _streakStartBeat) _bypassed = true;
            }
            else Interlocked.Increment(ref _silenced);
        }
        if (input is null) Publish(n, null, ready, copyFirst: false);
    }

    private bool TakeAnswer(long sequence, short* output)
    {
        var answer = _layout.Answer(sequence);
        if (Volatile.Read(ref answer->Sequence) != sequence) return false;
        long answeredTicks = answer->AnsweredTicks;
        Buffer.MemoryCopy(answer->Audio, output, AbiConstants.SamplesPerBlock * sizeof(short), AbiConstants.SamplesPerBlock * sizeof(short));
        if (Volatile.Read(ref answer->Sequence) != sequence) return false;
        _roundTrips[_roundTripCount & _roundTripMask] = answeredTicks - _published[sequence & 1];
        Interlocked.Increment(ref _roundTripCount);
        Interlocked.Increment(ref _answered);
        return true;
    }

    /// <summary>Writes request <paramref name="n"/> (input copied before the output is overwritten) and wakes the worker.</summary>
    private void Publish(long n, short* input, bool ready, bool copyFirst)
    {
        if (!ready) { _midiCount = 0; return; }
        var request = _layout.Request(n);
        Volatile.Write(ref request->Sequence, -1);
        request->MidiCount = _midiCount;
        Buffer.MemoryCopy(_midi, request->Midi, WorkerRequest.MaxMidi * sizeof(uint), _midiCount * sizeof(uint));
        _midiCount = 0;
        if (copyFirst && input is not null)
            Buffer.MemoryCopy(input, request->Audio, AbiConstants.SamplesPerBlock * sizeof(short), AbiConstants.SamplesPerBlock * sizeof(short));
        // One-way snapshot: the worker's plugin reads this copy; nothing it writes ever comes back to the engine's page.
        if (_mailbox is not null) Buffer.MemoryCopy(_mailbox, request->Mailbox, MailboxLayout.PageSize, MailboxLayout.PageSize);
        long now = Stopwatch.GetTimestamp();
        request->PublishedTicks = now;
        _published[n & 1] = now;
        Volatile.Write(ref request->Sequence, n);
        var header = _layout.Header;
        Volatile.Write(ref header->LatestRequest, n);
        Volatile.Write(ref header->RequestWord, (int)n);
        Futex.Wake(&header->RequestWord);
        _lastPublished = n;
    }

    internal void FreeBuffers()
    {
        NativeMemory.Free(_midi);
        NativeMemory.Free(_roundTrips);
    }
}
