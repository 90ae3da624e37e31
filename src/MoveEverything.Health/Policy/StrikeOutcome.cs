using MoveEverything.Health.Records;

namespace MoveEverything.Health.Policy;

/// <summary>The updated record to persist together with the verdict that produced it.</summary>
public sealed record StrikeOutcome(ModuleHealthRecord Record, StrikeVerdict Verdict);
