namespace MoveEverything.Health.Persistence;

/// <summary>
/// One thing a store repaired or noticed while loading, worded for the user ("health.jsonl line 4:
/// cut short; skipped"). <paramref name="Line"/> is 1-based, null when the note is about the whole file.
/// </summary>
public sealed record RepairNote(RepairKind Kind, string File, int? Line, string Message)
{
    public override string ToString() => Line is { } n ? $"{File} line {n}: {Message}" : $"{File}: {Message}";

    /// <summary>True for notes that mean the file on disk should be rewritten clean.</summary>
    public bool NeedsRewrite => Kind is not (RepairKind.UnknownModule or RepairKind.BackupKept
        or RepairKind.RewriteFailed or RepairKind.Unreadable);
}
