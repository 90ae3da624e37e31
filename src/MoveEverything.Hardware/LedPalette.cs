namespace MoveEverything.Hardware;

/// <summary>
/// RGB colours of Move's LED palette indices 0–127, for drawing LEDs (e.g. on the web simulator page).
/// The indices named in schwung-spec.md §7.6 are exact; the others are a plausible fill (a 21-step hue wheel
/// at six brightness/saturation levels for 1–117, greys for 118–124) since the full table is not specified.
/// Colours are 0xRRGGBB.
/// </summary>
public static class LedPalette
{
    public const byte Black = 0, BrightRed = 1, BrightGreen = 8, LightGrey = 118, White = 120;
    public const byte DarkGrey = 124, Blue = 125, Green = 126, Red = 127;

    private const int HueSteps = 21; // index 1 = red (0°), index 8 = green (120°)

    private static readonly int[] Table = Build();

    /// <summary>0xRRGGBB of palette index 0–127 (values above 127 are masked to 7 bits, as MIDI would).</summary>
    public static int Rgb(int index) => Table[index & 0x7F];

    /// <summary>All 128 colours, index order.</summary>
    public static ReadOnlySpan<int> All => Table;

    /// <summary>
    /// 0xRRGGBB of a single-colour LED value (0 off … 127 brightest), drawn as white at that brightness.
    /// </summary>
    public static int WhiteLevel(int value)
    {
        int v = Math.Clamp(value, 0, 127) * 255 / 127;
        return v << 16 | v << 8 | v;
    }

    private static int[] Build()
    {
        var t = new int[128];
        (double sat, double val)[] levels = [(1, 1), (1, 0.55), (0.5, 1), (1, 0.25), (0.25, 1), (0.6, 0.6)];
        for (int i = 1; i <= 117; i++)
        {
            int band = (i - 1) / HueSteps;
            double hue = (i - 1) % HueSteps * 360.0 / HueSteps;
            t[i] = FromHsv(hue, levels[band].sat, levels[band].val);
        }
        int[] greys = [0xC0C0C0, 0xE0E0E0, 0xFFFFFF, 0xA0A0A0, 0x808080, 0x606060, 0x404040];
        for (int i = 118; i <= 124; i++) t[i] = greys[i - 118];
        t[Black] = 0x000000;
        t[BrightRed] = 0xFF0000;
        t[BrightGreen] = 0x00FF00;
        t[LightGrey] = 0xC0C0C0;
        t[White] = 0xFFFFFF;
        t[DarkGrey] = 0x404040;
        t[Blue] = 0x0000FF;
        t[Green] = 0x00C000;
        t[Red] = 0xC00000;
        return t;
    }

    private static int FromHsv(double h, double s, double v)
    {
        double c = v * s, x = c * (1 - Math.Abs(h / 60 % 2 - 1)), m = v - c;
        (double r, double g, double b) = (int)(h / 60) switch
        {
            0 => (c, x, 0.0), 1 => (x, c, 0.0), 2 => (0.0, c, x), 3 => (0.0, x, c), 4 => (x, 0.0, c), _ => (c, 0.0, x),
        };
        static int B(double d) => (int)Math.Round(Math.Clamp(d, 0, 1) * 255);
        return B(r + m) << 16 | B(g + m) << 8 | B(b + m);
    }
}
