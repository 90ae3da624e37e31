using System.Diagnostics;
using MoveEverything.Hardware;
using MoveEverything.Hardware.Simulated;

namespace MoveEverything.Simulator.Device;

/// <summary>
/// The device side of a simulated Move, attached to a <see cref="SimulatedDeviceEndpoint"/>. For every TX half
/// the engine sends it: applies LED messages from MIDI OUT (cable 0: <c>[09 90 note colour]</c>,
/// <c>[0B B0 cc colour]</c>), feeds the display handshake to a <see cref="DisplayAssembler"/>, records the
/// audio block (peak, counter, history for streaming); then answers with one RX half carrying at most
/// <see cref="SimulatedMoveOptions.MaxInjectedEventsPerBlock"/> queued input events (increasing timestamps),
/// silent audio in and the display status echoed.
/// Drive it either with <see cref="Pump"/> (tests: deterministic, on the caller's thread) or with
/// <see cref="Start"/>/<see cref="Stop"/> (its own device thread) — never both.
/// Concurrency: one lock (<c>_gate</c>) guards all state; input methods and <see cref="Snapshot"/> may be
/// called from any thread (they take the lock); block processing runs on the pumping thread and takes the lock
/// per block. No user code runs under the lock.
/// </summary>
public sealed partial class SimulatedMove : IDisposable
{
    private readonly object _gate = new();
    private readonly SimulatedDeviceEndpoint _endpoint;
    private readonly SimulatedMoveOptions _options;
    private readonly DisplayAssembler _assembler = new();
    private readonly AudioHistory _audio;
    private readonly Queue<UsbMidiPacket> _input = new();
    private readonly byte[] _noteLeds = new byte[128];
    private readonly byte[] _ccLeds = new byte[128];
    private readonly byte[] _display = new byte[MailboxLayout.DisplayFrameBytes];
    private long _ledVersion, _displayFrames, _inputDropped, _otherMidiOut;
    private int _lastPeak;
    private uint _lastTimestamp;
    private Thread? _thread;
    private volatile bool _stopping;

    public SimulatedMove(SimulatedDeviceEndpoint endpoint, SimulatedMoveOptions? options = null)
    {
        _endpoint = endpoint;
        _options = options ?? new SimulatedMoveOptions();
        _options.Validate();
        _audio = new AudioHistory(_options.AudioHistoryBlocks);
    }

    public SimulatedMoveOptions Options => _options;

    /// <summary>True while the device thread runs.</summary>
    public bool IsRunning => _thread != null;

    /// <summary>
    /// Processes every TX half waiting on the link (one RX answer each) on the caller's thread.
    /// Returns the number of blocks processed. Not allowed while the device thread runs.
    /// </summary>
    public int Pump()
    {
        if (_thread != null && Thread.CurrentThread != _thread)
            throw new InvalidOperationException("the device thread is running; Pump() would make a second consumer of the link");
        int blocks = 0;
        while (_endpoint.TryReceive())
        {
            ProcessBlock(_endpoint.Mailbox);
            blocks++;
        }
        return blocks;
    }

    /// <summary>Starts the device thread, which pumps until <see cref="Stop"/>.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_thread != null) throw new InvalidOperationException("the device thread is already running");
            _stopping = false;
            _thread = new Thread(RunDeviceThread) { IsBackground = true, Name = "simulated-move" };
            _thread.Start();
        }
    }

    /// <summary>Stops the device thread and waits for it (no-op when not running).</summary>
    public void Stop()
    {
        Thread? thread;
        lock (_gate) thread = _thread;
        if (thread == null) return;
        _stopping = true;
        thread.Join();
        lock (_gate) _thread = null;
    }

    /// <summary>A consistent copy of LEDs, display and counters. Takes the lock.</summary>
    public MoveSnapshot Snapshot()
    {
        lock (_gate)
        {
            AssertInvariants();
            return new MoveSnapshot((byte[])_noteLeds.Clone(), (byte[])_ccLeds.Clone(), _ledVersion,
                (byte[])_display.Clone(), _displayFrames, _audio.Written, _lastPeak, _inputDropped);
        }
    }

    /// <summary>Blocks processed so far. Takes the lock.</summary>
    public long Blocks
    {
        get { lock (_gate) return _audio.Written; }
    }

    /// <summary>MIDI OUT packets that were not cable-0 LED messages (e.g. external USB MIDI). Takes the lock.</summary>
    public long OtherMidiOut
    {
        get { lock (_gate) return _otherMidiOut; }
    }

    /// <summary>
    /// Copies recent audio blocks (interleaved stereo int16) after <paramref name="cursor"/> and advances it;
    /// a reader that fell behind skips to the oldest kept block (<paramref name="skipped"/> blocks lost).
    /// Start a new reader at <see cref="Blocks"/> to get only future audio. Takes the lock.
    /// </summary>
    public int ReadAudio(ref long cursor, Span<short> destination, out long skipped)
    {
        lock (_gate) return _audio.Read(ref cursor, destination, out skipped);
    }

    public void Dispose() => Stop();

    private void RunDeviceThread()
    {
        while (!_stopping)
        {
            if (Pump() == 0) Thread.Sleep(_options.IdleSleep);
        }
    }

    private void ProcessBlock(Mailbox mailbox)
    {
        Span<MidiInEvent> events = stackalloc MidiInEvent[_options.MaxInjectedEventsPerBlock];
        int count;
        lock (_gate)
        {
            AssertInvariants();
            ApplyMidiOutLocked(mailbox);
            if (_assembler.Accept(mailbox))
            {
                _assembler.Frame.CopyTo(_display);
                _displayFrames++;
            }
            _lastPeak = Peak(mailbox.AudioOut);
            _audio.Append(mailbox.AudioOut);
            count = DequeueInputLocked(events);
        }
        mailbox.WriteMidiIn(events[..count]);
        mailbox.DisplayStatusRx = mailbox.DisplayStatusTx;
        mailbox.AudioIn.Clear();
        _endpoint.Send();
    }

    private void ApplyMidiOutLocked(Mailbox mailbox)
    {
        foreach (var p in mailbox.MidiOut)
        {
            if (p.IsEmpty) continue;
            byte[]? leds = p.Cable != UsbMidiPacket.CableInternal ? null : (p.Cin, p.Status & 0xF0) switch
            {
                (UsbMidiPacket.CinNoteOn, 0x90) or (UsbMidiPacket.CinNoteOff, 0x80) => _noteLeds,
                (UsbMidiPacket.CinControlChange, 0xB0) => _ccLeds,
                _ => null,
            };
            if (leds == null || p.Data1 > 127)
            {
                _otherMidiOut++;
                continue;
            }
            byte colour = p.Cin == UsbMidiPacket.CinNoteOff ? (byte)0 : (byte)(p.Data2 & 0x7F);
            if (leds[p.Data1] == colour) continue;
            leds[p.Data1] = colour;
            _ledVersion++;
        }
    }

    private int DequeueInputLocked(Span<MidiInEvent> events)
    {
        int n = 0;
        uint blockStart = (uint)(_audio.Written * MailboxLayout.FramesPerBlock);
        while (n < events.Length && _input.TryDequeue(out var packet))
        {
            _lastTimestamp = Math.Max(_lastTimestamp + 1, blockStart);
            events[n++] = new MidiInEvent(packet, _lastTimestamp);
        }
        return n;
    }

    private static int Peak(ReadOnlySpan<short> samples)
    {
        int peak = 0;
        foreach (short s in samples) peak = Math.Max(peak, Math.Abs((int)s));
        return peak;
    }

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(Monitor.IsEntered(_gate), "caller holds the lock");
        Debug.Assert(_input.Count <= _options.MaxQueuedInputEvents, "the input queue never exceeds its bound");
        Debug.Assert(_displayFrames == _assembler.FramesCompleted, "every assembled frame was published once");
    }
}
