using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>One block's timing, 32 bytes, pushed by the block thread into the timing ring for benchmarks.</summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct BlockTiming
{
    public const int Size = 32;
    [FieldOffset(0)] public long Block;
    /// <summary>Work time of the block: from exchange return to status update, in nanoseconds.</summary>
    [FieldOffset(8)] public int BlockNs;
    /// <summary>Time spent inside plugin calls during the block.</summary>
    [FieldOffset(12)] public int PluginNs;
    /// <summary>How late the exchange returned relative to the block's deadline (negative = early).</summary>
    [FieldOffset(16)] public int LateNs;
    [FieldOffset(20)] public int Flags;
}
