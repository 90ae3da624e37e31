namespace MoveEverything.UiHost.Input;

/// <summary>Control numbers of the Move surface used by the host itself (schwung-spec.md §7.6, cable 0).</summary>
public static class MoveControls
{
    public const byte JogClickCc = 3;
    public const byte JogTurnCc = 14;
    public const byte ShiftCc = 49;
    public const byte MenuCc = 50;
    public const byte BackCc = 51;
    public const byte FirstKnobCc = 71;
    public const byte LastKnobCc = 78;
    public const byte VolumeCc = 79;
    public const byte LineInCc = 114;
    public const byte LineOutCc = 115;
    public const byte VolumeTouchNote = 8;
    public const byte AllNotesOffCc = 123;

    public static bool IsKnobOrJog(byte cc) => cc == JogTurnCc || cc is >= FirstKnobCc and <= LastKnobCc;

    /// <summary>The note and CC LEDs cleared on overtake entry: knob touch 0–7, steps 16–31, pads 68–99, then buttons.</summary>
    public static readonly byte[] LedNotes = [.. Enumerable.Range(0, 8).Select(i => (byte)i),
        .. Enumerable.Range(16, 16).Select(i => (byte)i), .. Enumerable.Range(68, 32).Select(i => (byte)i)];

    public static readonly byte[] LedButtonCcs = [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
        40, 41, 42, 43, 49, 50, 51, 52, 54, 55, 56, 58, 60, 62, 63, 71, 72, 73, 74, 75, 76, 77, 78, 85, 86, 88, 118, 119];
}
