namespace MoveEverything.Simulator.Headless;

/// <summary>
/// Recovers the CLOCK_MONOTONIC wake time of each engine block from the timing ring, which carries only the block
/// number and its lateness, so the bench can put the engine's misses on the same time axis as the baseline's stalls.
/// It mirrors the engine's deadline rule (BlockLoop: the deadline advances one period per block and resyncs to the
/// wake time after a block more than one period late or early), started from an <see cref="Anchor"/>: a block whose
/// wake time was read from the status block (<c>LastBlockNanos</c>).
/// Invariants: a wake time is returned only for a block whose chain back to an anchor has no gap (a dropped
/// timing record breaks the chain until the next anchor); once a chain runs, later anchors only check it.
/// </summary>
public sealed class BlockWakeTracker(long periodNanos)
{
    private long _lastBlock = -1, _nextDeadline;
    private bool _chained;
    private (long Block, long Wake)? _anchor;

    /// <summary>True while no chain runs: the caller should read an anchor.</summary>
    public bool NeedsAnchor => !_chained && _anchor == null;

    /// <summary>Anchors that disagreed with a running chain by more than half a period (should stay 0).</summary>
    public long Disagreements { get; private set; }

    /// <summary>Block <paramref name="block"/> woke at <paramref name="wakeNanos"/> (its record may not be observed yet).</summary>
    public void Anchor(long block, long wakeNanos) => _anchor = (block, wakeNanos);

    /// <summary>Feeds the next timing record; returns the block's wake time when it is known.</summary>
    public long? Observe(long block, long lateNanos)
    {
        long? deadline = null;
        if (_chained && block == _lastBlock + 1) deadline = _nextDeadline;
        if (_anchor is { } a && a.Block == block)
        {
            long anchored = a.Wake - lateNanos;
            if (deadline is { } d && Math.Abs(d - anchored) > periodNanos / 2) Disagreements++;
            deadline ??= anchored;
            _anchor = null;
        }
        else if (_anchor is { } stale && stale.Block < block) _anchor = null;
        _lastBlock = block;
        if (deadline is not { } due) { _chained = false; return null; }
        long wake = due + lateNanos;
        bool resync = lateNanos > periodNanos || lateNanos < -periodNanos;
        _nextDeadline = (resync ? wake : due) + periodNanos;
        _chained = true;
        return wake;
    }
}
