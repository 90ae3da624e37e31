using MoveEverything.Hardware;
using MoveEverything.Hardware.Simulated;

namespace MoveEverything.Simulator.Tests;

/// <summary>
/// A stand-in for the engine process, in-process: it lights the LED of every pad it gets a note-on for
/// (green, palette 8; the LED stays lit so a quick click is visible), plucks a decaying sine at the pitch of
/// that pad, draws a bar as wide as the pad number + 1 on the display, and sends display slices.
/// Drive it with <see cref="Step"/> or run it on its own thread with <see cref="Start"/> (realtime clock).
/// </summary>
internal sealed unsafe class FakeEngine : IDisposable
{
    public const byte LitColour = LedPalette.BrightGreen;

    private readonly SimulatedMailboxTransport _transport;
    private readonly DisplaySlicer _slicer = new();
    private readonly byte[] _frame = new byte[MailboxLayout.DisplayFrameBytes];
    private readonly UsbMidiPacket[] _ledQueue = new UsbMidiPacket[64];
    private int _ledCount;
    private static readonly double Decay = Math.Exp(-1 / (0.4 * MailboxLayout.SampleRate)); // 0.4 s time constant
    private double _phase, _frequency, _amplitude;
    private Thread? _thread;
    private volatile bool _stop;

    public FakeEngine(SimulatedMailboxTransport transport)
    {
        _transport = transport;
        DrawBar(0);
    }

    public long Blocks { get; private set; }

    public int NotesReceived { get; private set; }

    /// <summary>One block: write TX (LEDs, audio, display slice), exchange, react to MIDI IN.</summary>
    public void Step()
    {
        var mailbox = new Mailbox(_transport.Page);
        int sent = mailbox.WriteMidiOut(_ledQueue.AsSpan(0, _ledCount));
        _ledQueue.AsSpan(sent, _ledCount - sent).CopyTo(_ledQueue);
        _ledCount -= sent;
        WriteTone(mailbox.AudioOut);
        _slicer.WriteNext(mailbox, _frame);
        _transport.Exchange();
        foreach (var e in mailbox.MidiIn) OnMidi(e.Packet);
        Blocks++;
    }

    public void Start()
    {
        _thread = new Thread(() => { while (!_stop) Step(); }) { IsBackground = true, Name = "fake-engine" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop = true;
        _thread?.Join();
        _transport.Dispose();
    }

    private void OnMidi(UsbMidiPacket p)
    {
        int pad = ControlMap.PadIndex(p.Data1);
        if (p.Cable != 0 || pad < 0 || p.Cin != UsbMidiPacket.CinNoteOn || p.Data2 == 0) return;
        if (_ledCount < _ledQueue.Length) _ledQueue[_ledCount++] = UsbMidiPacket.NoteOn(p.Data1, LitColour);
        NotesReceived++;
        _frequency = 440 * Math.Pow(2, (p.Data1 - 69) / 12.0);
        _amplitude = 8000;
        DrawBar(pad + 1);
    }

    private void WriteTone(Span<short> audio)
    {
        double step = 2 * Math.PI * _frequency / MailboxLayout.SampleRate;
        for (int i = 0; i < MailboxLayout.FramesPerBlock; i++)
        {
            short s = (short)(Math.Sin(_phase) * _amplitude);
            audio[2 * i] = s;
            audio[2 * i + 1] = s;
            _phase += step;
            _amplitude *= Decay;
        }
        _phase %= 2 * Math.PI;
    }

    /// <summary>A bar at rows 28–35, <paramref name="units"/> × 4 pixels wide (0 = a single dot at the left).</summary>
    private void DrawBar(int units)
    {
        Array.Clear(_frame);
        for (int y = 28; y < 36; y++)
        {
            for (int x = 0; x < Math.Max(1, units * 4); x++) DisplayFrame.SetPixel(_frame, x, y, true);
        }
    }
}
