namespace MoveEverything.Engine.Process;

/// <summary>
/// Watches cable-0 input for the host escape: Shift (CC49) held + volume-knob touch (note 8) held + jog click
/// (CC3 value &gt; 0). Runs below any module, so a module can never swallow it. Allocation-free.
/// </summary>
public sealed class EscapeDetector
{
    public const int ShiftCc = 49, JogClickCc = 3, VolumeTouchNote = 8;
    private bool _shift, _volumeTouch;

    /// <summary>Feeds one cable-0 message; true exactly when this message completes the combination.</summary>
    public bool Feed(int status, int data1, int data2)
    {
        int kind = status & 0xF0;
        if (kind == 0xB0 && data1 == ShiftCc) _shift = data2 > 0;
        else if (kind == 0x90 && data1 == VolumeTouchNote) _volumeTouch = data2 > 0;
        else if (kind == 0x80 && data1 == VolumeTouchNote) _volumeTouch = false;
        else if (kind == 0xB0 && data1 == JogClickCc && data2 > 0) return _shift && _volumeTouch;
        return false;
    }
}
