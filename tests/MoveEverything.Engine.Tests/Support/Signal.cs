namespace MoveEverything.Engine.Tests.Support;

/// <summary>Small signal measurements on interleaved int16 stereo (left channel unless stated).</summary>
public static class Signal
{
    public static double[] Left(IReadOnlyList<short> interleaved)
    {
        var left = new double[interleaved.Count / 2];
        for (int i = 0; i < left.Length; i++) left[i] = interleaved[2 * i];
        return left;
    }

    public static double Rms(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return 0;
        double sum = 0;
        foreach (double v in x) sum += v * v;
        return Math.Sqrt(sum / x.Length);
    }

    /// <summary>Strongest frequency between <paramref name="low"/> and <paramref name="high"/> Hz (Hann window, 0.5 Hz steps).</summary>
    public static double DominantFrequency(ReadOnlySpan<double> x, double low = 40, double high = 4000, int sampleRate = 44100)
    {
        var windowed = new double[x.Length];
        for (int n = 0; n < x.Length; n++)
            windowed[n] = x[n] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * n / (x.Length - 1)));
        double best = low, bestPower = -1;
        for (double f = low; f <= high; f += 0.5)
        {
            double power = Goertzel(windowed, f, sampleRate);
            if (power > bestPower) { bestPower = power; best = f; }
        }
        return best;
    }

    /// <summary>Power of one frequency component.</summary>
    public static double Goertzel(ReadOnlySpan<double> x, double frequency, int sampleRate = 44100)
    {
        double w = 2 * Math.PI * frequency / sampleRate, coefficient = 2 * Math.Cos(w), s1 = 0, s2 = 0;
        foreach (double v in x)
        {
            double s0 = v + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    public static double NoteFrequency(int note) => 440.0 * Math.Pow(2, (note - 69) / 12.0);
}
