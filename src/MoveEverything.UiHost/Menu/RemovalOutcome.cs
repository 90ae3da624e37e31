namespace MoveEverything.UiHost.Menu;

/// <summary>What a removal did: removed, or refused with the reason (built-in, not movable, …). <see cref="Message"/> is shown as the notice.</summary>
public sealed record RemovalOutcome(bool Removed, string Message);
