using MoveEverything.Hardware.Native;

namespace MoveEverything.Hardware;

/// <summary>
/// The simulated device's block clock: deadlines every 128 frames at 44.1 kHz (≈ 2902 µs) on CLOCK_MONOTONIC,
/// waited for with <c>clock_nanosleep(TIMER_ABSTIME)</c> so sleeps never accumulate drift. Deadlines are exact
/// integers: the period is re-anchored every <c>sampleRate</c> blocks (exactly <c>framesPerBlock</c> seconds).
/// When a wait starts more than one whole period after its deadline the clock counts an <see cref="Overruns"/>
/// and re-anchors at now instead of bursting to catch up (a real device drops the blocks too).
/// A free-running clock never waits: tests use it to run thousands of blocks quickly.
/// Invariants: <see cref="WaitNext"/> allocates nothing; one thread uses a clock.
/// </summary>
public sealed unsafe class BlockClock
{
    private const long NanosPerSecond = 1_000_000_000;
    private readonly int _sampleRate;
    private readonly int _framesPerBlock;
    private long _anchor = -1;
    private long _index;

    private BlockClock(bool freeRunning, int sampleRate, int framesPerBlock)
    {
        if (sampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must be positive");
        if (framesPerBlock <= 0) throw new ArgumentOutOfRangeException(nameof(framesPerBlock), framesPerBlock, "block size must be positive");
        IsFreeRunning = freeRunning;
        _sampleRate = sampleRate;
        _framesPerBlock = framesPerBlock;
    }

    /// <summary>A clock that waits for real block deadlines (default 44100 Hz, 128 frames).</summary>
    public static BlockClock Realtime(int sampleRate = MailboxLayout.SampleRate, int framesPerBlock = MailboxLayout.FramesPerBlock) =>
        new(false, sampleRate, framesPerBlock);

    /// <summary>A clock whose <see cref="WaitNext"/> returns at once.</summary>
    public static BlockClock FreeRunning() => new(true, MailboxLayout.SampleRate, MailboxLayout.FramesPerBlock);

    public bool IsFreeRunning { get; }

    /// <summary>Completed waits.</summary>
    public long Blocks { get; private set; }

    /// <summary>Times the caller was more than a whole block late and the clock re-anchored.</summary>
    public long Overruns { get; private set; }

    /// <summary>Block period in nanoseconds (rounded; deadlines themselves are exact).</summary>
    public long PeriodNanoseconds => _framesPerBlock * NanosPerSecond / _sampleRate;

    /// <summary>Waits until the next block deadline (at once when free-running or already due).</summary>
    public void WaitNext()
    {
        Blocks++;
        if (IsFreeRunning) return;
        long now = MonotonicNanoseconds();
        if (_anchor < 0) _anchor = now;
        _index++;
        if (_index == _sampleRate)
        {
            _anchor += _framesPerBlock * NanosPerSecond;
            _index = 0;
        }
        long deadline = _anchor + _index * _framesPerBlock * NanosPerSecond / _sampleRate;
        if (now - deadline > PeriodNanoseconds)
        {
            Overruns++;
            _anchor = now;
            _index = 0;
            return;
        }
        SleepUntil(deadline);
    }

    /// <summary>CLOCK_MONOTONIC in nanoseconds.</summary>
    public static long MonotonicNanoseconds()
    {
        LibC.Timespec t;
        LibC.ClockGettime(LibC.CLOCK_MONOTONIC, &t);
        return t.Seconds * NanosPerSecond + t.Nanoseconds;
    }

    private static void SleepUntil(long deadline)
    {
        var t = new LibC.Timespec { Seconds = deadline / NanosPerSecond, Nanoseconds = deadline % NanosPerSecond };
        while (LibC.ClockNanosleep(LibC.CLOCK_MONOTONIC, LibC.TIMER_ABSTIME, &t, null) == LibC.EINTR)
        {
        }
    }
}
