namespace MoveEverything.Simulator.Headless;

/// <summary>One baseline wake at least the stall threshold late: CPU, CLOCK_MONOTONIC wake time and lateness in ns.</summary>
public sealed record BaselineStall(int Cpu, long WakeNanos, long LateNanos);
