using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// Routes each incoming USB-MIDI packet (device MIDI IN or injected) on the block thread: every packet goes to
/// the UI as a MidiIn event; the escape combination is checked first; Track buttons (CC43…CC40 = tracks 1–4)
/// move the focus; while the built-in demo is active (no UI host, overtake mode 0) cable-0 pads (notes 68–99,
/// poly aftertouch) play the focused slot; cable-2 (USB) messages on channels 1–4 play slots 1–4.
/// </summary>
public sealed unsafe class InputRouter
{
    public const int FirstPad = 68, LastPad = 99;
    private readonly EscapeDetector _escape = new();
    private readonly IEngineRack _rack;
    private readonly ControlChannel _channel;

    public InputRouter(IEngineRack rack, ControlChannel channel, int focusedSlot)
    {
        _rack = rack;
        _channel = channel;
        FocusedSlot = focusedSlot;
    }

    public int FocusedSlot { get; private set; }
    public bool DemoActive { get; set; }
    public int OvertakeMode { get; set; }

    public void Route(uint packet, uint timestamp, long block)
    {
        int cable = (int)(packet >> 4) & 0x0F, cin = (int)packet & 0x0F;
        int status = (int)(packet >> 8) & 0xFF, d1 = (int)(packet >> 16) & 0x7F, d2 = (int)(packet >> 24) & 0x7F;
        if (cin < 0x8) return; // SysEx fragments and the XMOS heartbeat are not routed
        _channel.Events.TryWrite(new EngineEvent { Kind = EventKind.MidiIn, Packet = packet, Timestamp = timestamp, Block = block });
        if (cable == 0)
        {
            if (_escape.Feed(status, d1, d2))
            {
                _channel.Status->EscapeCount++;
                _channel.Events.TryWrite(new EngineEvent { Kind = EventKind.EscapeDetected, Block = block });
                _channel.BlockLog.TryWrite(new LogRecord { Event = EngineLogEvent.EscapeDetected, Level = 2, Arg0 = block });
                return;
            }
            int kind = status & 0xF0;
            if (kind == 0xB0 && d1 >= 40 && d1 <= 43 && d2 > 0) FocusedSlot = 43 - d1;
            bool pad = d1 >= FirstPad && d1 <= LastPad && kind is 0x80 or 0x90 or 0xA0;
            if (pad && DemoActive && OvertakeMode == 0) _rack.Midi(FocusedSlot, packet);
        }
        else if (cable == 2)
        {
            int channel = status & 0x0F;
            if (channel < StatusBlock.Slots) _rack.Midi(channel, packet);
        }
    }
}
