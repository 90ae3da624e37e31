namespace MoveEverything.Hardware;

/// <summary>A CC button of Move's control map: its name, its controller number (also its LED's) and LED kind.</summary>
public sealed record ButtonInfo(string Name, byte Cc, LedKind Led);
