namespace MoveEverything.Boot;

/// <summary>
/// Every number of the boot policy, in one place. docs/BOOT.md explains each choice against the anchors
/// in guardrail-anchors.md G1 (Firefox 3 crashes / 6 h, Android 5 boots / 10 min, Schwung 2 strikes and
/// ~30 s health delay, Mender bootlimit 1).
/// </summary>
public sealed record BootOptions
{
    /// <summary>Unhealthy boots inside <see cref="StrikeWindow"/> that put the next boot in safe mode. Default 2 (Schwung's two strikes).</summary>
    public int SafeModeAfterUnhealthyBoots { get; init; } = 2;

    /// <summary>Unhealthy boots inside <see cref="StrikeWindow"/> that latch stock Move. Default 4 (two more strikes in safe mode).</summary>
    public int StockAfterUnhealthyBoots { get; init; } = 4;

    /// <summary>Unhealthy boots older than this are forgotten (de-escalation). Default 1 hour.</summary>
    public TimeSpan StrikeWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Continuous engine blocks with zero misses needed before the host may write the health mark. Default 30 s.</summary>
    public TimeSpan HealthyAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A UI heartbeat older than this does not count as evidence of health. Default 2 s.</summary>
    public TimeSpan UiHeartbeatMaxAge { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Boots a freshly staged host version gets to prove itself before the launcher rolls back. Default 1 (Mender's bootlimit).</summary>
    public int TrialBootLimit { get; init; } = 1;

    /// <summary>How long the launcher samples held keys at power-on. Default 300 ms.</summary>
    public TimeSpan KeyWindow { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Keys that, held at power-on, force safe mode. Default Shift + Back.</summary>
    public IReadOnlySet<MoveKey> SafeModeCombo { get; init; } = new HashSet<MoveKey> { MoveKey.Shift, MoveKey.Back };

    /// <summary>Keys that, held at power-on, boot stock Move once. Default Shift + Menu.</summary>
    public IReadOnlySet<MoveKey> StockCombo { get; init; } = new HashSet<MoveKey> { MoveKey.Shift, MoveKey.Menu };

    public static BootOptions Default { get; } = new();

    /// <summary>Throws when a combination of values cannot work; called once where options enter.</summary>
    public BootOptions Validate()
    {
        if (SafeModeAfterUnhealthyBoots < 1) throw new ArgumentOutOfRangeException(nameof(SafeModeAfterUnhealthyBoots));
        if (StockAfterUnhealthyBoots <= SafeModeAfterUnhealthyBoots)
            throw new ArgumentOutOfRangeException(nameof(StockAfterUnhealthyBoots), "must exceed SafeModeAfterUnhealthyBoots");
        if (StrikeWindow <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(StrikeWindow));
        if (TrialBootLimit < 1) throw new ArgumentOutOfRangeException(nameof(TrialBootLimit));
        return this;
    }
}
