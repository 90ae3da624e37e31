namespace MoveEverything.Health.Policy;

/// <summary>The ledger's answer to a fault: the action, a sentence for the user, and the strikes counted.</summary>
public sealed record StrikeVerdict(StrikeAction Action, string Reason, int StrikesInWindow);
