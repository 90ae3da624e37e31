namespace MoveEverything.Simulator.Headless;

/// <summary>One baseline thread: the CPU it was pinned to, its wakes, misses, and the errnos of SCHED_FIFO and pinning (0 = granted).</summary>
public sealed record BaselineThread(int Cpu, long Blocks, long Missed, int FifoErrno, int PinErrno);
