using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// The built-in demo synth (8-voice sine with attack/release) that lets pads make sound before any module
/// or the native plugin loader is present. Pure managed code; allocates only in its constructor.
/// Parameters: "gain" (0..1, default 0.8), "release_ms" (default 250).
/// </summary>
public sealed class BuiltinSynth
{
    public const string Path = ChainLoad.BuiltinSynthPath, ModuleId = ChainLoad.BuiltinSynthId;
    private const int Voices = 8;
    private readonly int[] _note = new int[Voices];
    private readonly float[] _phase = new float[Voices], _step = new float[Voices], _level = new float[Voices], _target = new float[Voices];
    private readonly long[] _age = new long[Voices];
    private long _clock;
    private float _gain = 0.8f, _releasePerSample = 1f / (0.25f * 44100f);
    private const float AttackPerSample = 1f / (0.005f * 44100f);

    public BuiltinSynth() => Array.Fill(_note, -1);

    public void Midi(uint packet)
    {
        int status = (int)(packet >> 8) & 0xF0, note = (int)(packet >> 16) & 0x7F, velocity = (int)(packet >> 24) & 0x7F;
        if (status == 0x90 && velocity > 0) NoteOn(note, velocity);
        else if (status == 0x80 || status == 0x90)
            for (int v = 0; v < Voices; v++) if (_note[v] == note) _target[v] = 0;
    }

    private void NoteOn(int note, int velocity)
    {
        int voice = 0;
        for (int v = 0; v < Voices; v++)
        {
            if (_note[v] < 0 || _level[v] <= 0 && _target[v] == 0) { voice = v; break; }
            if (_age[v] < _age[voice]) voice = v; // steal the oldest
        }
        _note[voice] = note;
        _step[voice] = 440f * MathF.Pow(2f, (note - 69) / 12f) / 44100f;
        _target[voice] = velocity / 127f;
        _age[voice] = ++_clock;
    }

    /// <summary>Adds this synth's output into <paramref name="left"/>/<paramref name="right"/>.</summary>
    public void Render(Span<float> left, Span<float> right)
    {
        for (int v = 0; v < Voices; v++)
        {
            if (_note[v] < 0) continue;
            float phase = _phase[v], step = _step[v], level = _level[v], target = _target[v];
            for (int i = 0; i < left.Length; i++)
            {
                level = level < target ? MathF.Min(target, level + AttackPerSample) : MathF.Max(target, level - _releasePerSample);
                float s = MathF.Sin(phase * 2f * MathF.PI) * level * _gain * 0.5f;
                left[i] += s; right[i] += s;
                phase += step; if (phase >= 1f) phase -= 1f;
            }
            _phase[v] = phase; _level[v] = level;
            if (level <= 0 && target == 0) _note[v] = -1;
        }
    }

    public bool SetParam(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (!System.Buffers.Text.Utf8Parser.TryParse(value, out float number, out _)) return false;
        if (key.SequenceEqual("gain"u8)) { _gain = Math.Clamp(number, 0f, 1f); return true; }
        if (key.SequenceEqual("release_ms"u8)) { _releasePerSample = 1f / (Math.Clamp(number, 1f, 10_000f) / 1000f * 44100f); return true; }
        return false;
    }

    public int GetParam(ReadOnlySpan<byte> key, Span<byte> destination)
    {
        float value;
        if (key.SequenceEqual("gain"u8)) value = _gain;
        else if (key.SequenceEqual("release_ms"u8)) value = 1000f / (_releasePerSample * 44100f);
        else return -1;
        return System.Buffers.Text.Utf8Formatter.TryFormat(value, destination, out int written) ? written : -1;
    }
}
