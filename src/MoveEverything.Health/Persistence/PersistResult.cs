namespace MoveEverything.Health.Persistence;

/// <summary>
/// Whether a change reached the disk. A failure (disk full, read-only file system, lock not obtained) is a
/// value, not an exception: the caller keeps running on its in-memory state and shows <see cref="Error"/>.
/// </summary>
public readonly record struct PersistResult(string? Error)
{
    public static PersistResult Success => new(null);
    public static PersistResult Failed(string error) => new(error);
    public bool Ok => Error is null;
}
