using MoveEverything.Hardware;

namespace MoveEverything.Simulator.Device;

/// <summary>
/// A consistent copy of the simulated Move's visible state at one instant (taken under the model's lock).
/// Versions increase whenever the matching state changes, so a reader can skip unchanged parts.
/// </summary>
public sealed record MoveSnapshot(
    byte[] NoteLeds,
    byte[] CcLeds,
    long LedVersion,
    byte[] Display,
    long DisplayFrames,
    long Blocks,
    int LastBlockPeak,
    long InputDropped)
{
    /// <summary>Palette index (or white level) of the LED of <paramref name="note"/>.</summary>
    public byte NoteLed(int note) => NoteLeds[note];

    /// <summary>Palette index (or white level) of the LED of <paramref name="cc"/>.</summary>
    public byte CcLed(int cc) => CcLeds[cc];

    /// <summary>LED colour index of pad 0–31.</summary>
    public byte PadLed(int pad) => NoteLeds[ControlMap.PadNote(pad)];

    /// <summary>True when display pixel (x, y) is lit.</summary>
    public bool Pixel(int x, int y) => DisplayFrame.GetPixel(Display, x, y);
}
