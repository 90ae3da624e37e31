namespace MoveEverything.Boot.SafeMode;

/// <summary>The result of a safe-mode choice: the follow-up for the UI host and a sentence to show.</summary>
public sealed record SafeModeActionResult(SafeModeChoice Choice, SafeModeFollowUp FollowUp, string Message);
