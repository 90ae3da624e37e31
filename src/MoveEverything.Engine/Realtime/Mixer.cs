using System.Runtime.CompilerServices;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// Mixing arithmetic for the block thread. Slots are summed into a float accumulator and saturated once to int16.
/// Headroom: a float holds every integer up to 2^24 exactly; the worst sum is 16 slots × 32768 × gain 16 = 2^23,
/// so the accumulator never overflows or loses integer precision for power-of-two gains, and the one rounding
/// step is the final conversion. Saturation clamps to [−32768, 32767]: a mix past full scale clips, it never wraps.
/// </summary>
public static unsafe class Mixer
{
    public static void Clear(float* accumulator, int samples) => new Span<float>(accumulator, samples).Clear();

    /// <summary>accumulator[i] += source[i] × gain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(float* accumulator, short* source, float gain, int samples)
    {
        for (int i = 0; i < samples; i++) accumulator[i] += source[i] * gain;
    }

    /// <summary>destination[i] = clamp(round(accumulator[i])) — saturate, never wrap.</summary>
    public static void Saturate(float* accumulator, short* destination, int samples)
    {
        for (int i = 0; i < samples; i++) destination[i] = SaturateSample(accumulator[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short SaturateSample(float value)
    {
        if (value >= 32767f) return short.MaxValue;
        if (value <= -32768f) return short.MinValue;
        if (float.IsNaN(value)) return 0;
        return (short)MathF.Round(value);
    }

    /// <summary>
    /// In place: <paramref name="to"/>[f] = from × (1 − t) + to × t with t rising linearly to 1 over the block, per
    /// frame for both channels. Used for one block when a chain is swapped, so the switch makes no click.
    /// </summary>
    public static void Crossfade(short* from, short* to, int frames)
    {
        float step = 1f / frames;
        for (int f = 0; f < frames; f++)
        {
            float t = (f + 1) * step;
            int i = 2 * f;
            to[i] = SaturateSample(from[i] * (1f - t) + to[i] * t);
            to[i + 1] = SaturateSample(from[i + 1] * (1f - t) + to[i + 1] * t);
        }
    }

    /// <summary>Largest |sample| / 32768 in the buffer, 0..1.</summary>
    public static float Peak(short* buffer, int samples)
    {
        int peak = 0;
        for (int i = 0; i < samples; i++)
        {
            int magnitude = Math.Abs((int)buffer[i]);
            if (magnitude > peak) peak = magnitude;
        }
        return peak / 32768f;
    }
}
