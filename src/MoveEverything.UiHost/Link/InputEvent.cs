namespace MoveEverything.UiHost.Link;

/// <summary>One MIDI event from the hardware: cable 0 = Move's own controls, cable 2 = USB-A input.</summary>
public readonly record struct InputEvent(byte Cable, byte Status, byte Data1, byte Data2)
{
    public const byte InternalCable = 0;
    public const byte ExternalCable = 2;

    public bool IsInternal => Cable == InternalCable;
    public bool IsControlChange => (Status & 0xF0) == 0xB0;
    public bool IsNoteOn => (Status & 0xF0) == 0x90 && Data2 > 0;
    public bool IsNoteOff => (Status & 0xF0) == 0x80 || ((Status & 0xF0) == 0x90 && Data2 == 0);

    public static InputEvent Cc(byte cc, byte value, byte cable = InternalCable) => new(cable, 0xB0, cc, value);
    public static InputEvent NoteOn(byte note, byte velocity, byte cable = InternalCable) => new(cable, 0x90, note, velocity);
    public static InputEvent NoteOff(byte note, byte cable = InternalCable) => new(cable, 0x80, note, 0);
}
