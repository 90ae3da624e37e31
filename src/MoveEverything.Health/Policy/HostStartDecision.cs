namespace MoveEverything.Health.Policy;

/// <summary>
/// How this host start goes. <see cref="DisplayMessage"/> is what the menu shows (null in a normal start);
/// <see cref="PersistError"/> is set when the start mark could not be written (the start goes on anyway).
/// </summary>
public sealed record HostStartDecision(bool SafeMode, int UnhealthyStartsInRow, string? DisplayMessage, string? PersistError = null);
