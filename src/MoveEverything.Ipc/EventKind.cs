namespace MoveEverything.Ipc;

/// <summary>What an <see cref="EngineEvent"/> reports (wire value: uint16 at offset 0).</summary>
public enum EventKind : ushort
{
    None = 0,
    /// <summary>USB-MIDI <c>Packet</c> from the device (cable 0 controls or cable 2 USB) with its <c>Timestamp</c>.</summary>
    MidiIn = 1,
    /// <summary>Reply to a ParamGet: <c>Code</c> 0 = found; value inline in <c>Text</c> when <c>Length</c> ≤ 256, else in the large-value buffer.</summary>
    ParamReply = 2,
    /// <summary>Result of LoadPlugin/UnloadPlugin: <c>Code</c> is a <see cref="LoadResultCode"/>, <c>Text</c> a readable detail.</summary>
    LoadResult = 3,
    /// <summary>Shift (CC49) + volume touch (note 8) + jog click (CC3) seen below any module.</summary>
    EscapeDetected = 4,
}
