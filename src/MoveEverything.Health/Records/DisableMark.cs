namespace MoveEverything.Health.Records;

/// <summary>A persisted "this module is off": by whom, why (a sentence for the user), and since when.</summary>
public sealed record DisableMark(DisabledBy By, string Reason, DateTimeOffset At);
