namespace MoveEverything.Health.Persistence;

/// <summary>The entries read from a state file and what had to be repaired to read them.</summary>
public sealed record StateLoad<T>(IReadOnlyList<T> Entries, IReadOnlyList<RepairNote> Notes);
