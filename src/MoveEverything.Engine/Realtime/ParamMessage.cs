using System.Runtime.InteropServices;
using System.Text;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// A parameter set request for the block thread, fixed-size and unmanaged so it can travel through an SPSC ring:
/// slot index, namespaced key (<c>synth:cutoff</c>, <c>fx1:mix</c>, <c>midi_fx1:rate</c>, <c>slot:volume</c>…) and
/// value, both UTF-8 without terminator. Key capacity matches <c>shadow_param_t.key[64]</c>; value capacity matches
/// the original's web param rings (256). Longer values (state blobs) are not for the realtime path.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ParamMessage
{
    public const int KeyCapacity = 64;
    public const int ValueCapacity = 256;

    public int Slot;
    public ushort KeyLength;
    public ushort ValueLength;
    public fixed byte Key[KeyCapacity];
    public fixed byte Value[ValueCapacity];

    /// <summary>Builds a message without allocating; false when the key or value does not fit.</summary>
    public static bool TryCreate(int slot, ReadOnlySpan<char> key, ReadOnlySpan<char> value, out ParamMessage message)
    {
        message = default;
        message.Slot = slot;
        fixed (byte* k = message.Key)
        fixed (byte* v = message.Value)
        {
            if (!Encoding.UTF8.TryGetBytes(key, new Span<byte>(k, KeyCapacity), out int keyLength)) return false;
            if (!Encoding.UTF8.TryGetBytes(value, new Span<byte>(v, ValueCapacity), out int valueLength)) return false;
            message.KeyLength = (ushort)keyLength;
            message.ValueLength = (ushort)valueLength;
        }
        return true;
    }

    /// <summary>Same as <see cref="TryCreate"/> but throws when it does not fit (tests, tools).</summary>
    public static ParamMessage Create(int slot, string key, string value) =>
        TryCreate(slot, key, value, out var message)
            ? message
            : throw new ArgumentException($"param {key} does not fit ({KeyCapacity}-byte key, {ValueCapacity}-byte value)");
}
