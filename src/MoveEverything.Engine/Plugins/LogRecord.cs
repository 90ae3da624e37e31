using System.Runtime.InteropServices;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// One plugin log line as a fixed-size record (256 bytes), posted by the host's <c>log</c> callback into an
/// <see cref="Ipc.SpscRing{T}"/> without allocating; another thread drains it into Microsoft.Extensions.Logging.
/// The module, slot and phase come from the calling thread's <see cref="CallMarker"/>, so a log line is always
/// attributed to the plugin that was running. Text longer than <see cref="TextCapacity"/> is cut and flagged.
/// Why not <see cref="Ipc.LogRecord"/>: that one is the host's own 40-byte, text-free record (event id +
/// integers, formatted later from a catalog) sized for the shared-memory rings; a plugin's <c>log()</c> line is
/// free text with a module attribution, which cannot be an event id. Growing the IPC record to carry 236 bytes
/// of text would multiply every engine log ring by six for messages the host itself never needs; dropping the
/// text would lose what the module author wrote. The two meet only in the draining thread's logger.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = Size)]
public unsafe struct LogRecord
{
    public const int Size = 256;
    public const int ModuleIdCapacity = 44;
    public const int TextCapacity = 192;
    /// <summary>Flag: the message was longer than <see cref="TextCapacity"/> bytes.</summary>
    public const byte FlagTruncated = 1;

    /// <summary>Stopwatch ticks when the plugin called log.</summary>
    public long Timestamp;
    public int Slot;
    public CallPhase Phase;
    public LogRecordLevel Level;
    public byte Flags;
    public byte ModuleIdLength;
    public ushort TextLength;
    public ushort Reserved;
    public fixed byte ModuleId[ModuleIdCapacity];
    public fixed byte Text[TextCapacity];

    /// <summary>The message (allocates: for the draining thread only).</summary>
    public readonly string MessageText()
    {
        fixed (byte* text = Text) return System.Text.Encoding.UTF8.GetString(text, Math.Min((int)TextLength, TextCapacity));
    }

    /// <summary>The module id (allocates: for the draining thread only).</summary>
    public readonly string ModuleIdText()
    {
        fixed (byte* id = ModuleId) return System.Text.Encoding.UTF8.GetString(id, Math.Min((int)ModuleIdLength, ModuleIdCapacity));
    }
}
