using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// The C functions behind <c>host_api_v1_t</c>. Called by plugins on whichever thread called into them; they
/// never allocate, lock, throw or block: they read the calling thread's <see cref="HostThreadContext"/> and write
/// fixed-size records into SPSC rings (drop-newest when full). A thread that bound no context gets the neutral
/// answer (0 / 120 bpm / dropped) and the drop is counted.
///
/// mod_emit_value and mod_clear_source are deliberately left NULL in host_api_v1_t: the spec marks them optional
/// and we have no modulation matrix yet; plugins must check for NULL (the spec requires it of every callback).
/// </summary>
internal static unsafe class HostCallbacks
{
    [UnmanagedCallersOnly]
    public static void Log(byte* message)
    {
        var context = HostServices.Current;
        if (context is null) return;
        if (message is null) return;
        LogRecord record = default;
        record.Timestamp = Stopwatch.GetTimestamp();
        record.Level = LogRecordLevel.Information;
        CallMarker* marker = context.Marker;
        record.Slot = marker->Slot;
        record.Phase = marker->Phase;
        int idLength = Math.Min((int)marker->ModuleIdLength, LogRecord.ModuleIdCapacity);
        Buffer.MemoryCopy(marker->ModuleId, record.ModuleId, LogRecord.ModuleIdCapacity, idLength);
        record.ModuleIdLength = (byte)idLength;
        int length = 0;
        while (length < LogRecord.TextCapacity && message[length] != 0) length++;
        Buffer.MemoryCopy(message, record.Text, LogRecord.TextCapacity, length);
        record.TextLength = (ushort)length;
        if (length == LogRecord.TextCapacity && message[length] != 0) record.Flags = LogRecord.FlagTruncated;
        context.Log.TryWrite(in record);
    }

    [UnmanagedCallersOnly]
    public static int MidiSendInternal(byte* message, int length) => Send(message, length, inject: false, external: false);

    [UnmanagedCallersOnly]
    public static int MidiSendExternal(byte* message, int length) => Send(message, length, inject: false, external: true);

    [UnmanagedCallersOnly]
    public static int MidiInjectToMove(byte* message, int length) => Send(message, length, inject: true, external: false);

    [UnmanagedCallersOnly]
    public static int GetClockStatus()
    {
        var context = HostServices.Current;
        return context is null ? Abi.AbiConstants.ClockStatusUnavailable : context.Services.ClockStatus;
    }

    [UnmanagedCallersOnly]
    public static float GetBpm()
    {
        var context = HostServices.Current;
        return context is null ? 120f : context.Services.Bpm;
    }

    /// <summary>−1 all channels, 0–15 one channel, −2 when <paramref name="instance"/> is not one of our slot contexts.</summary>
    [UnmanagedCallersOnly]
    public static int SlotRecvChannel(void* instance)
    {
        var context = (HostInstanceContext*)instance;
        if (context is null || context->Magic != HostInstanceContext.MagicValue) return -2;
        return Volatile.Read(ref context->ReceiveChannel);
    }

    /// <summary>Queues whole 4-byte packets; returns the bytes queued (0 when refused or the ring was full).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Send(byte* message, int length, bool inject, bool external)
    {
        var context = HostServices.Current;
        if (context is null) return 0;
        if (!context.MidiAllowed || message is null || length < 4 || (length & 3) != 0) return 0;
        if (inject && length != 4) return 0; // spec: midi_inject_to_move takes exactly one packet
        var services = context.Services;
        var ring = inject ? services.MidiInjectToMove : external ? services.MidiOutExternal : services.MidiOutInternal;
        int slot = context.Marker->Slot;
        int queued = 0;
        for (int offset = 0; offset < length; offset += 4)
        {
            if (inject && context.InjectedThisBlock >= services.Options.InjectPacketsPerBlock) break;
            var packet = new PluginMidiPacket
            {
                Header = inject ? (byte)(message[offset] & 0x0F) : message[offset], // inject: cable forced to 0
                Status = message[offset + 1], Data1 = message[offset + 2], Data2 = message[offset + 3], Slot = slot,
            };
            if (!ring.TryWrite(in packet)) break;
            if (inject) context.InjectedThisBlock++;
            queued += 4;
        }
        return queued;
    }
}
