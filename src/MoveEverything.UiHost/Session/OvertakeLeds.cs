using MoveEverything.Hardware;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// What the host clears when a module overtakes the surface (the control numbers themselves live in
/// <see cref="ControlMap"/>): note LEDs of knob touch 0–7, steps 16–31 and pads 68–99, then the CC LEDs.
/// </summary>
public static class OvertakeLeds
{
    /// <summary>MIDI "all notes off" controller, sent to a module's DSP on every channel when it is left.</summary>
    public const byte AllNotesOffCc = 123;

    public static readonly byte[] Notes = [.. Enumerable.Range(ControlMap.FirstKnobTouchNote, ControlMap.Knobs).Select(i => (byte)i),
        .. Enumerable.Range(ControlMap.FirstStepNote, ControlMap.Steps).Select(i => (byte)i),
        .. Enumerable.Range(ControlMap.FirstPadNote, ControlMap.Pads).Select(i => (byte)i)];

    public static readonly byte[] ButtonCcs = [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        40, 41, 42, 43, 49, 50, 51, 52, 54, 55, 56, 58, 60, 62, 63, 71, 72, 73, 74, 75, 76, 77, 78, 85, 86, 88, 118, 119];
}
