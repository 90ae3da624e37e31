using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Health;

/// <summary>
/// Host-side writer of the health mark. Feed it samples (about once a second is plenty); it writes the mark once,
/// when blocks have advanced for <see cref="BootOptions.HealthyAfter"/> without a single miss and the UI heartbeat is
/// younger than <see cref="BootOptions.UiHeartbeatMaxAge"/>. A miss restarts the clean period. Not for the audio thread.
/// Why delayed: a mark on the first block would defeat crash-loop detection in the common "crash a few seconds in" case.
/// </summary>
public sealed class HealthMarkWriter(IFileSystem fs, MoveLayout layout, long bootId, BootOptions options)
{
    private DateTimeOffset? _cleanSince;
    private long _blocksAtCleanStart;
    private long _lastMisses = -1;
    private long _lastBlocks = -1;

    public bool Written { get; private set; }

    /// <summary>Creates a writer for the boot the launcher handed over, or null when the host was not started by the launcher.</summary>
    public static HealthMarkWriter? ForCurrentBoot(IFileSystem fs, BootOptions options)
    {
        var handoff = BootHandoff.FromEnvironment();
        return handoff is null ? null : new HealthMarkWriter(fs, new MoveLayout(handoff.Root), handoff.BootId, options);
    }

    /// <summary>Takes one observation; returns true when this call wrote the mark.</summary>
    public bool Observe(HealthSample sample)
    {
        if (Written) return false;
        bool advanced = _lastBlocks >= 0 && sample.EngineBlocks > _lastBlocks;
        bool missed = _lastMisses >= 0 && sample.MissedBlocks > _lastMisses;
        if (_lastMisses < 0 && sample.MissedBlocks > 0) missed = true;
        _lastBlocks = sample.EngineBlocks;
        _lastMisses = sample.MissedBlocks;
        if (missed || (!advanced && _cleanSince is not null))
        {
            _cleanSince = null; // a miss or a stalled engine restarts the clean period
        }
        if (_cleanSince is null)
        {
            if (!missed) { _cleanSince = sample.At; _blocksAtCleanStart = sample.EngineBlocks; }
            return false;
        }
        var cleanFor = sample.At - _cleanSince.Value;
        bool uiAlive = sample.LastUiHeartbeat is { } beat && sample.At - beat <= options.UiHeartbeatMaxAge;
        if (cleanFor < options.HealthyAfter || !uiAlive || sample.EngineBlocks <= _blocksAtCleanStart) return false;
        new HealthMark(bootId, sample.At, cleanFor, sample.EngineBlocks).Write(fs, layout);
        Written = true;
        return true;
    }
}
