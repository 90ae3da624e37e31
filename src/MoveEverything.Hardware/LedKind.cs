namespace MoveEverything.Hardware;

/// <summary>What a control's LED can show.</summary>
public enum LedKind
{
    /// <summary>No LED (knobs' touch, master knob, jog).</summary>
    None,
    /// <summary>Single-colour LED: value 0 off, 16 dim, 64 medium, 124 bright.</summary>
    White,
    /// <summary>RGB LED driven by a palette index 0–127 (<see cref="LedPalette"/>).</summary>
    Rgb,
}
