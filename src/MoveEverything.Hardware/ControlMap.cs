namespace MoveEverything.Hardware;

/// <summary>
/// Move's hardware controls as MIDI on cable 0 (schwung-spec.md §7.6). The single place these numbers live.
/// Knobs, master and jog send relative CCs: 1–63 clockwise (+n), 65–127 counter-clockwise (−(128 − n)).
/// Touch notes send note-on 127 when touched. Pads send note-on with velocity and poly aftertouch.
/// </summary>
public static class ControlMap
{
    // ---- notes ----
    public const byte FirstKnobTouchNote = 0;    // knobs 1–8 touch: notes 0–7
    public const byte MasterTouchNote = 8;       // volume knob touch
    public const byte JogTouchNote = 9;          // main (jog) encoder touch
    public const byte FirstStepNote = 16;        // step buttons 1–16: notes 16–31
    public const byte FirstPadNote = 68;         // pads: notes 68–99, bottom-left first
    public const int Pads = 32, PadColumns = 8, PadRows = 4, Steps = 16, Knobs = 8;

    // ---- relative encoders ----
    public const byte FirstKnobCc = 71;          // knobs 1–8: CC 71–78 (LED rings on the same CCs)
    public const byte MasterCc = 79;             // volume knob, no LED
    public const byte JogCc = 14;                // jog turn, no LED
    public const byte JogClickCc = 3;            // jog click, 127 pressed

    // ---- buttons ----
    public const byte Track4Cc = 40, Track3Cc = 41, Track2Cc = 42, Track1Cc = 43; // reversed on purpose
    public const byte ShiftCc = 49, MenuCc = 50, BackCc = 51, CaptureCc = 52;
    public const byte DownCc = 54, UpCc = 55, UndoCc = 56, LoopCc = 58, CopyCc = 60;
    public const byte LeftCc = 62, RightCc = 63, PlayCc = 85, RecCc = 86, MuteCc = 88;
    public const byte RecordCc = 118, DeleteCc = 119;

    // ---- jack detection (no LED) ----
    public const byte LineInCc = 114;            // ≥ 64: something plugged into line in
    public const byte LineOutCc = 115;           // < 64: nothing in the headphone/line out, speaker active

    /// <summary>Buttons with an LED on their own CC, in panel reading order.</summary>
    public static IReadOnlyList<ButtonInfo> Buttons { get; } =
    [
        new("Track 1", Track1Cc, LedKind.Rgb), new("Track 2", Track2Cc, LedKind.Rgb),
        new("Track 3", Track3Cc, LedKind.Rgb), new("Track 4", Track4Cc, LedKind.Rgb),
        new("Shift", ShiftCc, LedKind.White), new("Menu", MenuCc, LedKind.White),
        new("Back", BackCc, LedKind.White), new("Capture", CaptureCc, LedKind.White),
        new("Down", DownCc, LedKind.White), new("Up", UpCc, LedKind.White),
        new("Undo", UndoCc, LedKind.White), new("Loop", LoopCc, LedKind.White),
        new("Copy", CopyCc, LedKind.White), new("Left", LeftCc, LedKind.White),
        new("Right", RightCc, LedKind.White), new("Play", PlayCc, LedKind.White),
        new("Rec", RecCc, LedKind.White), new("Mute", MuteCc, LedKind.White),
        new("Record", RecordCc, LedKind.Rgb), new("Delete", DeleteCc, LedKind.White),
    ];

    /// <summary>Note of pad 0–31; pad 0 is bottom-left, pad 31 top-right, rows of 8.</summary>
    public static byte PadNote(int pad) =>
        (uint)pad < Pads ? (byte)(FirstPadNote + pad) : throw new ArgumentOutOfRangeException(nameof(pad), pad, "pads are 0–31");

    /// <summary>Pad index of a note, or −1 when the note is not a pad.</summary>
    public static int PadIndex(int note) => note >= FirstPadNote && note < FirstPadNote + Pads ? note - FirstPadNote : -1;

    /// <summary>Note of step button 0–15.</summary>
    public static byte StepNote(int step) =>
        (uint)step < Steps ? (byte)(FirstStepNote + step) : throw new ArgumentOutOfRangeException(nameof(step), step, "steps are 0–15");

    /// <summary>Touch note of knob 0–7, 8 = master, 9 = jog.</summary>
    public static byte TouchNote(int control) =>
        (uint)control <= JogTouchNote ? (byte)control : throw new ArgumentOutOfRangeException(nameof(control), control, "touch controls are 0–9");

    /// <summary>CC of knob 0–7.</summary>
    public static byte KnobCc(int knob) =>
        (uint)knob < Knobs ? (byte)(FirstKnobCc + knob) : throw new ArgumentOutOfRangeException(nameof(knob), knob, "knobs are 0–7");

    /// <summary>CC of track button 1–4 (CC 43 … 40: reversed).</summary>
    public static byte TrackCc(int track) =>
        track is >= 1 and <= 4 ? (byte)(Track1Cc + 1 - track) : throw new ArgumentOutOfRangeException(nameof(track), track, "tracks are 1–4");

    /// <summary>Encodes a relative encoder step −63…+63 (non-zero) as its CC value.</summary>
    public static byte EncodeRelative(int delta) => delta switch
    {
        > 0 and <= 63 => (byte)delta,
        < 0 and >= -63 => (byte)(128 + delta),
        _ => throw new ArgumentOutOfRangeException(nameof(delta), delta, "one relative step is −63…−1 or 1…63"),
    };

    /// <summary>Decodes a relative encoder CC value: 1–63 → +n, 65–127 → −(128 − n), 0 and 64 → 0.</summary>
    public static int DecodeRelative(byte value) => value switch
    {
        >= 1 and <= 63 => value,
        >= 65 and <= 127 => value - 128,
        _ => 0,
    };
}
