using MoveEverything.Hardware;

namespace MoveEverything.Simulator.Device;

/// <summary>
/// Input: each call queues cable-0 MIDI the way Move's controls send it (schwung-spec.md §7.6); the device
/// injects queued events into the next RX halves, at most the configured number per block.
/// Every method takes the lock and may be called from any thread. Releases are sent as note-off
/// (status 0x80, velocity 0).
/// </summary>
public sealed partial class SimulatedMove
{
    /// <summary>Pad 0–31 (0 = bottom-left) pressed with velocity 1–127.</summary>
    public void PressPad(int pad, int velocity = 100) =>
        Enqueue(UsbMidiPacket.NoteOn(ControlMap.PadNote(pad), (byte)Math.Clamp(velocity, 1, 127)));

    public void ReleasePad(int pad) => Enqueue(UsbMidiPacket.NoteOff(ControlMap.PadNote(pad)));

    /// <summary>Poly aftertouch 0–127 on a held pad.</summary>
    public void PadPressure(int pad, int pressure) =>
        Enqueue(UsbMidiPacket.PolyAftertouch(ControlMap.PadNote(pad), (byte)Math.Clamp(pressure, 0, 127)));

    /// <summary>Step button 0–15 pressed (notes 16–31).</summary>
    public void PressStep(int step) => Enqueue(UsbMidiPacket.NoteOn(ControlMap.StepNote(step), 127));

    public void ReleaseStep(int step) => Enqueue(UsbMidiPacket.NoteOff(ControlMap.StepNote(step)));

    /// <summary>Turns knob 0–7 by <paramref name="delta"/> detents (positive = clockwise).</summary>
    public void TurnKnob(int knob, int delta) => Turn(ControlMap.KnobCc(knob), delta);

    /// <summary>Turns the master (volume) knob.</summary>
    public void TurnMaster(int delta) => Turn(ControlMap.MasterCc, delta);

    /// <summary>Turns the jog wheel.</summary>
    public void TurnJog(int delta) => Turn(ControlMap.JogCc, delta);

    /// <summary>Touches knob 0–7, 8 = master, 9 = jog (note-on 127 on the touch note).</summary>
    public void TouchKnob(int control) => Enqueue(UsbMidiPacket.NoteOn(ControlMap.TouchNote(control), 127));

    public void ReleaseKnob(int control) => Enqueue(UsbMidiPacket.NoteOff(ControlMap.TouchNote(control)));

    /// <summary>Presses and releases the jog wheel (CC 3: 127 then 0).</summary>
    public void ClickJog()
    {
        PressButton(ControlMap.JogClickCc);
        ReleaseButton(ControlMap.JogClickCc);
    }

    /// <summary>Presses a CC button (value 127), e.g. <see cref="ControlMap.ShiftCc"/>.</summary>
    public void PressButton(int cc) => Enqueue(UsbMidiPacket.ControlChange(CheckCc(cc), 127));

    public void ReleaseButton(int cc) => Enqueue(UsbMidiPacket.ControlChange(CheckCc(cc), 0));

    /// <summary>Queues any packet as MIDI IN (e.g. cable 2 for external USB MIDI).</summary>
    public void SendMidi(UsbMidiPacket packet)
    {
        if (packet.IsEmpty) throw new ArgumentException("an empty packet would end the MIDI IN list", nameof(packet));
        Enqueue(packet);
    }

    /// <summary>Input events that could not be queued because the queue was full.</summary>
    public long InputDropped
    {
        get { lock (_gate) return _inputDropped; }
    }

    /// <summary>Input events queued and not yet injected.</summary>
    public int PendingInput
    {
        get { lock (_gate) return _input.Count; }
    }

    private void Turn(byte cc, int delta)
    {
        while (delta != 0)
        {
            int step = Math.Clamp(delta, -63, 63);
            Enqueue(UsbMidiPacket.ControlChange(cc, ControlMap.EncodeRelative(step)));
            delta -= step;
        }
    }

    private static byte CheckCc(int cc) =>
        (uint)cc <= 127 ? (byte)cc : throw new ArgumentOutOfRangeException(nameof(cc), cc, "a controller number is 0–127");

    private void Enqueue(UsbMidiPacket packet)
    {
        lock (_gate)
        {
            if (_input.Count >= _options.MaxQueuedInputEvents)
            {
                _inputDropped++;
                return;
            }
            _input.Enqueue(packet);
        }
    }
}
