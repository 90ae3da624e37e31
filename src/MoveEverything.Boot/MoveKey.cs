namespace MoveEverything.Boot;

/// <summary>Move buttons the launcher can read at power-on; values are their cable-0 CC numbers (spec §7.6).</summary>
public enum MoveKey
{
    JogClick = 3,
    Shift = 49,
    Menu = 50,
    Back = 51,
    Capture = 52,
}
