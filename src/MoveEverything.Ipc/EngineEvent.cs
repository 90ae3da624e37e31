using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// One engine → UI event, 288 bytes, no references (see docs/WIRE-FORMAT.md §Events).
/// Invariant: a ParamReply whose <see cref="Length"/> exceeds <see cref="InlineTextBytes"/> carries its value
/// in the large-value buffer under the same <see cref="RequestId"/>, never inline.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct EngineEvent
{
    public const int Size = 288, InlineTextBytes = 256;

    [FieldOffset(0)] public EventKind Kind;
    [FieldOffset(2)] public byte Slot;
    [FieldOffset(3)] public byte Position;
    [FieldOffset(4)] public uint RequestId;
    [FieldOffset(8)] public uint Packet;
    /// <summary>Device timestamp of a MIDI IN event (the uint32 after the packet in the mailbox).</summary>
    [FieldOffset(12)] public uint Timestamp;
    [FieldOffset(16)] public int Code;
    [FieldOffset(20)] public int Length;
    /// <summary>Engine block counter when the event was published.</summary>
    [FieldOffset(24)] public long Block;
    [FieldOffset(32)] public fixed byte Text[InlineTextBytes];

    public Span<byte> TextSpan { get { fixed (byte* p = Text) return new Span<byte>(p, InlineTextBytes); } }

    /// <summary>True when the value of this ParamReply lives in the large-value buffer.</summary>
    public readonly bool HasLargeValue => Kind == EventKind.ParamReply && Length > InlineTextBytes - 1;
}
