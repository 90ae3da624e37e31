using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// One UI → engine command, 384 bytes, no references (see docs/WIRE-FORMAT.md §Commands).
/// Fields not used by a <see cref="CommandKind"/> are zero. Text fields are NUL-terminated UTF-8.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct EngineCommand
{
    public const int Size = 384, KeyBytes = 64, TextBytes = 304;
    /// <summary>Position value meaning "the slot's chain" rather than one module.</summary>
    public const byte ChainPosition = 255;

    [FieldOffset(0)] public CommandKind Kind;
    [FieldOffset(2)] public byte Slot;
    [FieldOffset(3)] public byte Position;
    [FieldOffset(4)] public uint RequestId;
    /// <summary>USB-MIDI packet, byte 0 = cable&lt;&lt;4 | CIN, then status, data1, data2 (little-endian uint).</summary>
    [FieldOffset(8)] public uint Packet;
    [FieldOffset(12)] public int Value;
    [FieldOffset(16)] public fixed byte Key[KeyBytes];
    [FieldOffset(80)] public fixed byte Text[TextBytes];

    public Span<byte> KeySpan { get { fixed (byte* p = Key) return new Span<byte>(p, KeyBytes); } }
    public Span<byte> TextSpan { get { fixed (byte* p = Text) return new Span<byte>(p, TextBytes); } }

    public static EngineCommand MidiToSlot(int slot, uint packet) =>
        new() { Kind = CommandKind.MidiToSlot, Slot = (byte)slot, Packet = packet };

    public static EngineCommand MidiOut(uint packet) => new() { Kind = CommandKind.MidiOut, Packet = packet };

    public static EngineCommand InjectInput(uint packet) => new() { Kind = CommandKind.InjectInput, Packet = packet };

    public static EngineCommand UiAttached(bool attached) => new() { Kind = CommandKind.UiAttached, Value = attached ? 1 : 0 };

    public static EngineCommand ParamSet(int slot, int position, string key, string value)
    {
        var c = new EngineCommand { Kind = CommandKind.ParamSet, Slot = (byte)slot, Position = (byte)position };
        FixedUtf8.Write(c.KeySpan, key);
        FixedUtf8.Write(c.TextSpan, value);
        return c;
    }

    public static EngineCommand ParamGet(int slot, int position, string key, uint requestId)
    {
        var c = new EngineCommand { Kind = CommandKind.ParamGet, Slot = (byte)slot, Position = (byte)position, RequestId = requestId };
        FixedUtf8.Write(c.KeySpan, key);
        return c;
    }

    /// <param name="flags">Consent and trust the engine cannot know itself (<see cref="LoadFlags"/>), sent in <see cref="Value"/>.</param>
    public static EngineCommand LoadPlugin(int slot, int position, string path, uint requestId, LoadFlags flags = LoadFlags.None)
    {
        var c = new EngineCommand
        {
            Kind = CommandKind.LoadPlugin, Slot = (byte)slot, Position = (byte)position, RequestId = requestId,
            Value = (int)flags,
        };
        FixedUtf8.Write(c.TextSpan, path);
        return c;
    }

    /// <summary>The <see cref="LoadFlags"/> of a LoadPlugin command.</summary>
    public readonly LoadFlags LoadFlags => (LoadFlags)Value;

    public static EngineCommand UnloadPlugin(int slot, int position, uint requestId) =>
        new() { Kind = CommandKind.UnloadPlugin, Slot = (byte)slot, Position = (byte)position, RequestId = requestId };

    /// <summary>Overtake mode 0/1/2 and the CCs that still pass through to Move in mode 2.</summary>
    public static EngineCommand SetOvertake(int mode, ReadOnlySpan<byte> passthroughCcs)
    {
        var c = new EngineCommand { Kind = CommandKind.SetOvertake, Value = mode };
        var mask = c.KeySpan;
        foreach (var cc in passthroughCcs) mask[(cc & 127) >> 3] |= (byte)(1 << (cc & 7));
        return c;
    }

    /// <summary>Whether <paramref name="cc"/> is in the passthrough mask of a SetOvertake command.</summary>
    public readonly bool PassesThrough(int cc)
    {
        fixed (byte* k = Key) return (k[(cc & 127) >> 3] & (1 << (cc & 7))) != 0;
    }
}
