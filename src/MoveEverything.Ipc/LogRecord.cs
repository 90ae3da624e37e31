using System.Runtime.InteropServices;

namespace MoveEverything.Ipc;

/// <summary>
/// One engine log record, 40 bytes. The engine never formats strings: it writes an event id and up to three
/// integer arguments; the supervisor drains the ring and formats with <see cref="EngineLogCatalog"/>.
/// Why a plugin's log line is a different type (MoveEverything.Engine.Plugins.LogRecord, 256 bytes): plugin
/// <c>log()</c> carries free text and the calling module's id, which an event id cannot express; keeping this
/// record small and text-free keeps the shared-memory log rings small and the engine free of string formatting.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct LogRecord
{
    public const int Size = 40;
    [FieldOffset(0)] public long MonotonicNanos;
    [FieldOffset(8)] public EngineLogEvent Event;
    /// <summary>Microsoft.Extensions.Logging LogLevel value (0 Trace … 5 Critical).</summary>
    [FieldOffset(10)] public byte Level;
    [FieldOffset(11)] public byte Slot;
    [FieldOffset(12)] public int Position;
    [FieldOffset(16)] public long Arg0;
    [FieldOffset(24)] public long Arg1;
    [FieldOffset(32)] public long Arg2;
}
