using MoveEverything.Hardware;
namespace MoveEverything.UiHost.Input;

/// <summary>
/// Controls the host tracks itself, below the JS runtime, updated on the input thread and read on the UI
/// thread: Shift held, volume knob touched, plug detection. Thread-safe (volatile fields).
/// </summary>
public sealed class HostInputState
{
    private volatile bool _shift, _volumeTouch, _speakerActive = true, _lineIn;

    public bool ShiftHeld => _shift;
    public bool VolumeTouched => _volumeTouch;
    public bool SpeakerActive => _speakerActive;
    public bool LineInConnected => _lineIn;

    /// <summary>Updates state from one cable-0 event; returns true when it completes the escape combination.</summary>
    public bool Observe(Link.InputEvent e)
    {
        if (!e.IsInternal) return false;
        if (e.IsControlChange)
        {
            switch (e.Data1)
            {
                case ControlMap.ShiftCc: _shift = e.Data2 > 0; break;
                case ControlMap.LineOutCc: _speakerActive = e.Data2 < 64; break;
                case ControlMap.LineInCc: _lineIn = e.Data2 >= 64; break;
                case ControlMap.JogClickCc: return e.Data2 > 0 && _shift && _volumeTouch;
            }
        }
        else if (e.Data1 == ControlMap.MasterTouchNote && (e.IsNoteOn || e.IsNoteOff))
        {
            _volumeTouch = e.IsNoteOn;
        }
        return false;
    }
}
