namespace MoveEverything.Simulator.Headless;

/// <summary>
/// Pairs the engine's missed blocks with the baseline's stalls: a miss is coincident when some baseline thread
/// woke late (by at least the stall threshold) within <c>windowNanos</c> of the engine's late wake — the
/// machine stalled both processes, so the miss is the VM's or the kernel's, not ours. A miss with no stall
/// nearby happened while a bare sleep loop at the same priority ran on time: something of ours delayed it.
/// </summary>
public static class MissCoincidence
{
    public static IReadOnlyList<MissMatch> Match(IReadOnlyList<EngineMiss> misses, IReadOnlyList<BaselineStall> stalls, long windowNanos)
    {
        var sorted = stalls.OrderBy(s => s.WakeNanos).ToArray();
        var wakes = sorted.Select(s => s.WakeNanos).ToArray();
        var result = new List<MissMatch>(misses.Count);
        foreach (var m in misses)
        {
            int i = Array.BinarySearch(wakes, m.WakeNanos);
            if (i < 0) i = ~i;
            BaselineStall? best = null;
            foreach (int j in new[] { i - 1, i })
            {
                if (j < 0 || j >= sorted.Length || Math.Abs(sorted[j].WakeNanos - m.WakeNanos) > windowNanos) continue;
                if (best == null || Math.Abs(sorted[j].WakeNanos - m.WakeNanos) < Math.Abs(best.WakeNanos - m.WakeNanos)) best = sorted[j];
            }
            result.Add(new MissMatch(m, best));
        }
        return result;
    }
}
