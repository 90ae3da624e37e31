using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// While the system menu is shown, the UI host (not the engine's demo routing, which the engine turns off when a
/// UI host attaches) decides where pads go: pad notes 68–99 (on, off, poly aftertouch) play the sound generator of
/// the focused slot. Track buttons focus slots 1–4 (CC 43…40, as on the Move); loading a sound generator into a
/// slot focuses that slot. Default: slot 1, where the engine's built-in synth sits.
/// </summary>
public sealed class MenuPads(IEngineLink link)
{
    public const int FirstPad = 68, LastPad = 99, Track1Cc = 43, Track4Cc = 40;

    public int FocusedSlot { get; set; }

    public void Handle(InputEvent e)
    {
        if (!e.IsInternal) return;
        int kind = e.Status & 0xF0;
        if (kind == 0xB0 && e.Data1 is >= Track4Cc and <= Track1Cc && e.Data2 > 0) { FocusedSlot = Track1Cc - e.Data1; return; }
        if (kind is 0x80 or 0x90 or 0xA0 && e.Data1 is >= FirstPad and <= LastPad)
            link.SendMidiToDsp(new DspTarget(FocusedSlot, DspComponent.SoundGenerator), [e.Status, e.Data1, e.Data2]);
    }
}
