using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Decision;

/// <summary>The decision plus the state to persist (before exec) and whether the one-shot safe-mode flag is used up.</summary>
public sealed record BootOutcome(BootDecision Decision, BootState NextState, HostPointer NextPointer, bool ConsumeSafeModeFlag);
