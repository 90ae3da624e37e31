using System.Diagnostics;

namespace MoveEverything.Engine.Realtime;

/// <summary>
/// Per-plugin CPU time per block and the over-budget bypass (issue 4 item 5). The block thread adds each call's
/// duration (<see cref="AddCall"/>) and closes the block (<see cref="EndBlock"/>); a block whose summed time exceeds
/// the plugin's share (<see cref="DspOptions.PluginShareOfBlock"/>) is an overrun, and after
/// <see cref="DspOptions.OverrunsBeforeBypass"/> consecutive overruns the plugin is bypassed until re-enabled.
/// History lives in a fixed ring of <see cref="DspOptions.TimingWindowBlocks"/> entries allocated at construction.
/// Writers: the block thread only. Readers (<see cref="Snapshot"/>): any thread, approximately (no lock).
/// </summary>
public sealed class PluginTiming
{
    private readonly long[] _window;
    private readonly long _budgetTicks;
    private readonly int _overrunsBeforeBypass;
    private long _blockTicks;
    private bool _calledThisBlock;
    private int _next;
    private int _count;
    private int _consecutiveOverruns;
    private long _totalOverruns;
    private volatile bool _bypassed;

    public PluginTiming(DspOptions options)
    {
        _window = new long[options.TimingWindowBlocks];
        _budgetTicks = (long)(options.BlockPeriodMicroseconds * options.PluginShareOfBlock * Stopwatch.Frequency / 1_000_000.0);
        _overrunsBeforeBypass = options.OverrunsBeforeBypass;
    }

    /// <summary>True once the plugin overran K blocks in a row; the chain then skips it (silence / pass-through).</summary>
    public bool IsBypassed => _bypassed;
    /// <summary>Blocks that exceeded the share, ever.</summary>
    public long TotalOverruns => Interlocked.Read(ref _totalOverruns);
    /// <summary>Stopwatch ticks of the last block the plugin was called in (block thread; others read approximately).</summary>
    public long LastBlockTicks { get; private set; }
    /// <summary>Blocks that called the plugin, ever.</summary>
    public long CalledBlocks { get; private set; }

    /// <summary>The share in Stopwatch ticks.</summary>
    public long BudgetTicks => _budgetTicks;

    /// <summary>Block thread: one call took <paramref name="ticks"/> Stopwatch ticks.</summary>
    public void AddCall(long ticks)
    {
        _blockTicks += ticks;
        _calledThisBlock = true;
    }

    /// <summary>Block thread, once per block after the plugin's last call. Returns true when this block bypassed it.</summary>
    public bool EndBlock()
    {
        if (!_calledThisBlock) return false;
        long ticks = _blockTicks;
        _blockTicks = 0;
        _calledThisBlock = false;
        LastBlockTicks = ticks;
        CalledBlocks++;
        _window[_next] = ticks;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        if (_count < _window.Length) _count++;
        if (ticks <= _budgetTicks)
        {
            _consecutiveOverruns = 0;
            return false;
        }
        Interlocked.Increment(ref _totalOverruns);
        if (++_consecutiveOverruns < _overrunsBeforeBypass || _bypassed) return false;
        _bypassed = true;
        return true;
    }

    /// <summary>Control thread: lifts the bypass (the user re-enabled the module).</summary>
    public void ClearBypass()
    {
        _consecutiveOverruns = 0;
        _bypassed = false;
    }

    /// <summary>
    /// min / avg / p99 / max over the window. Any thread except the block thread; <paramref name="scratch"/> must hold
    /// <see cref="DspOptions.TimingWindowBlocks"/> values (sorted in place), so the call itself allocates nothing.
    /// </summary>
    public PluginTimingStats Snapshot(Span<long> scratch)
    {
        int count = Math.Min(_count, _window.Length);
        if (count == 0) return new PluginTimingStats(0, 0, 0, 0, 0, _consecutiveOverruns, TotalOverruns, _bypassed);
        var values = scratch[..count];
        _window.AsSpan(0, count).CopyTo(values);
        values.Sort();
        long sum = 0;
        foreach (long v in values) sum += v;
        int p99Index = Math.Min(count - 1, (int)Math.Ceiling(count * 0.99) - 1);
        return new PluginTimingStats(
            ToMicroseconds(values[0]), ToMicroseconds(sum) / count, ToMicroseconds(values[p99Index]),
            ToMicroseconds(values[count - 1]), count, _consecutiveOverruns, TotalOverruns, _bypassed);
    }

    private static double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
