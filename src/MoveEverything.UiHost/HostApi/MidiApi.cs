using MoveEverything.Hardware;
using Jint.Native;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.HostApi;

/// <summary>
/// MIDI out of a module: hardware MIDI OUT in 4-byte USB-MIDI packets with the cable forced
/// (0 for move_midi_internal_send — LEDs, 2 for move_midi_external_send — USB-A), MIDI to a chain slot's DSP
/// (shadow_send_midi_to_dsp: the message's channel selects the slot), and to the module's own DSP.
/// </summary>
public sealed class MidiApi(IEngineLink link, DspTarget ownDsp) : IHostApi
{
    public void Install(HostScope scope)
    {
        scope.Define("move_midi_internal_send", 1, a => SendPackets(HostScope.Bytes(a, 0), cable: 0));
        scope.Define("move_midi_external_send", 1, a => SendPackets(HostScope.Bytes(a, 0), cable: 2));
        scope.Define("shadow_send_midi_to_dsp", 1, a => ToSlot(HostScope.Bytes(a, 0)));
        scope.Define("host_module_send_midi", 2, a => ToDsp(ownDsp, HostScope.Bytes(a, 0)));
    }

    /// <summary>Sends every whole 4-byte packet of the array; returns false when there was none.</summary>
    private JsValue SendPackets(byte[]? bytes, int cable)
    {
        if (bytes is null || bytes.Length < 4) return JsBoolean.False;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
            link.SendHardwareMidi(new UsbMidiPacket(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]).WithCable(cable));
        return JsBoolean.True;
    }

    private JsValue ToSlot(byte[]? message)
    {
        if (message is null || message.Length is < 1 or > 3 || message[0] < 0x80 || message[0] >= 0xF0) return JsBoolean.False;
        var slot = (message[0] & 0x0F) % DspTarget.SlotCount;
        return ToDsp(new DspTarget(slot, DspComponent.SoundGenerator), message);
    }

    private JsValue ToDsp(DspTarget target, byte[]? message)
    {
        if (message is null || message.Length is < 1 or > 3) return JsBoolean.False;
        link.SendMidiToDsp(target, message);
        return JsBoolean.True;
    }
}
