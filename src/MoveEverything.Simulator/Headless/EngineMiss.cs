namespace MoveEverything.Simulator.Headless;

/// <summary>An engine block that came back more than one period late: block number, wake time (CLOCK_MONOTONIC ns), lateness.</summary>
public sealed record EngineMiss(long Block, long WakeNanos, long LateNanos);
