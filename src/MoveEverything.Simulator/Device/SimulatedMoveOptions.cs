namespace MoveEverything.Simulator.Device;

/// <summary>Every limit of the simulated Move device model, in one place.</summary>
public sealed record SimulatedMoveOptions
{
    /// <summary>
    /// MIDI IN events injected into one RX half at most. Default 8 (schwung-spec.md §7.2: Move aborts above
    /// ~16 per frame; 8 is the documented safe budget). Events beyond it wait for the next block.
    /// </summary>
    public int MaxInjectedEventsPerBlock { get; init; } = 8;

    /// <summary>Input events waiting to be injected, at most. Default 1024; newer events are dropped and counted.</summary>
    public int MaxQueuedInputEvents { get; init; } = 1024;

    /// <summary>Recent audio blocks kept for streaming; the oldest is overwritten. Default 256 blocks (≈ 743 ms).</summary>
    public int AudioHistoryBlocks { get; init; } = 256;

    /// <summary>How long the device thread sleeps when no TX half is waiting. Default 1 ms.</summary>
    public TimeSpan IdleSleep { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Throws when a value is out of range; called once by <see cref="SimulatedMove"/>.</summary>
    public void Validate()
    {
        if (MaxInjectedEventsPerBlock is < 1 or > Hardware.MailboxLayout.MidiInEvents)
            throw new ArgumentOutOfRangeException(nameof(MaxInjectedEventsPerBlock), MaxInjectedEventsPerBlock, "must be 1–31");
        if (MaxQueuedInputEvents < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxQueuedInputEvents), MaxQueuedInputEvents, "must be positive");
        if (AudioHistoryBlocks < 1)
            throw new ArgumentOutOfRangeException(nameof(AudioHistoryBlocks), AudioHistoryBlocks, "must be positive");
        if (IdleSleep < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(IdleSleep), IdleSleep, "must not be negative");
    }
}
