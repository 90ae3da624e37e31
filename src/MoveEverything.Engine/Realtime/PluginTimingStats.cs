namespace MoveEverything.Engine.Realtime;

/// <summary>A plugin's time per block over the timing window, in microseconds.</summary>
public readonly record struct PluginTimingStats(
    double MinMicroseconds, double AverageMicroseconds, double P99Microseconds, double MaxMicroseconds,
    int Blocks, int ConsecutiveOverruns, long TotalOverruns, bool Bypassed);
