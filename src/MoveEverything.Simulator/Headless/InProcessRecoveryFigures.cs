using MoveEverything.Supervisor;

namespace MoveEverything.Simulator.Headless;

/// <summary>
/// What <see cref="InProcessRecoveryBenchmark"/> measured, one entry per fault: blame and resume times from the
/// faulting call's entry (ms), the restarted engine's start-up phases, and first block → slot 1's peak seen (ms).
/// </summary>
public sealed record InProcessRecoveryFigures(double[] BlameMs, double[] ResumeMs, IReadOnlyList<EngineStartTimeline> Starts,
    double[] FirstBlockToAudioMs, string Example)
{
    public int FromStandby => Starts.Count(s => s.FromStandby);

    /// <summary>Median ms per phase (<see cref="EngineStartTimeline.PhaseNames"/>, then "first block → audio seen").</summary>
    public IReadOnlyList<(string Phase, double MedianMs)> PhaseMedians()
    {
        var rows = new List<(string, double)>();
        for (int i = 0; i < EngineStartTimeline.PhaseNames.Count; i++)
            rows.Add((EngineStartTimeline.PhaseNames[i], Median(Starts.Select(s => s.Phases()[i]).Where(v => !double.IsNaN(v)))));
        rows.Add(("first block → audio seen", Median(FirstBlockToAudioMs)));
        return rows;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : Math.Round(sorted[(sorted.Length - 1) / 2], 2);
    }
}
