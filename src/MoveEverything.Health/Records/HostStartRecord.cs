namespace MoveEverything.Health.Records;

/// <summary>
/// The host-start counters. <see cref="PendingSince"/> is written (durably) at the start of every host start
/// and cleared when the start is healthy; finding it still set at the next start means that start failed.
/// </summary>
/// <param name="PendingSince">When the current or last unfinished start began; null when it was resolved.</param>
/// <param name="PendingInSafeMode">Whether that start ran in safe mode.</param>
/// <param name="UnhealthyStarts">Times of the recent starts that never became healthy, oldest first.</param>
/// <param name="SafeModeRequested">The user asked for safe mode at the next start (button combination).</param>
public sealed record HostStartRecord(
    DateTimeOffset? PendingSince,
    bool PendingInSafeMode,
    IReadOnlyList<DateTimeOffset> UnhealthyStarts,
    bool SafeModeRequested)
{
    public static HostStartRecord Fresh { get; } = new(null, false, [], false);
}
