namespace MoveEverything.Health.Records;

/// <summary>The user agreed that <paramref name="ModuleId"/> may use <paramref name="Capability"/>, when it was at
/// <paramref name="ModuleVersion"/>, at <paramref name="At"/>.</summary>
public sealed record ConsentGrant(string ModuleId, string Capability, string ModuleVersion, DateTimeOffset At);
