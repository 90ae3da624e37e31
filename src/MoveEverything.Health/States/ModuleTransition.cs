namespace MoveEverything.Health.States;

/// <summary>One allowed move between two states, with the English sentence that justifies it.</summary>
public sealed record ModuleTransition(ModuleState From, ModuleState To, string Why);
