namespace MoveEverything.Boot.SafeMode;

/// <summary>One line of the safe-mode screen: a short label (fits the 128-px display) and what choosing it does.</summary>
public sealed record SafeModeOption(SafeModeChoice Choice, string Label, string Effect);
