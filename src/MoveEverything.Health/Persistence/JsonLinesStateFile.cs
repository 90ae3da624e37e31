using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Storage;

namespace MoveEverything.Health.Persistence;

/// <summary>
/// A small state file of independent entries, one JSON object per line after a header line
/// <c>{"format":…,"version":…}</c>, always replaced whole with <see cref="AtomicFile"/> so kill -9 at any
/// instant leaves either the old or the new file. One entry per line means damage stays local: a bad
/// line costs that entry only. Loading never throws: it keeps every readable entry, reports the rest as
/// <see cref="RepairNote"/>s, keeps the damaged original beside the file and rewrites it clean.
/// Read-modify-write (<see cref="Update"/>) runs under a cross-process <see cref="FileLock"/>, so the CLI
/// and a running host never lose each other's changes.
/// </summary>
public sealed partial class JsonLinesStateFile<T>(string path, string format, int version, IStateCodec<T> codec)
    where T : class
{
    private const int MaxLineNotes = 20;

    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string Name => System.IO.Path.GetFileName(Path);
    public string LockPath => Path + ".lock";

    /// <summary>How long a writer waits for another process's lock before giving up with a typed failure.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads every readable entry; repairs the file on disk when it was damaged. Never throws.</summary>
    public StateLoad<T> Load()
    {
        var read = ReadBytes();
        if (read.Note is { } unreadable) return new([], [unreadable]);
        var decoded = Decode(read.Bytes);
        if (!decoded.Notes.Any(n => n.NeedsRewrite)) return decoded;

        using var held = FileLock.TryAcquire(LockPath, LockTimeout);
        if (held is null)
            return decoded with { Notes = [.. decoded.Notes, new(RepairKind.RewriteFailed, Name, null, "busy; the clean rewrite is left for later")] };
        read = ReadBytes(); // another process may have repaired or changed it meanwhile
        if (read.Note is { } gone) return new([], [gone]);
        decoded = Decode(read.Bytes);
        if (!decoded.Notes.Any(n => n.NeedsRewrite)) return decoded;
        return decoded with { Notes = [.. decoded.Notes, .. BackupAndRewrite(read.Bytes!, decoded.Entries)] };
    }

    /// <summary>
    /// Re-reads the file under the lock, applies <paramref name="change"/> (pure: no I/O, no callbacks) and
    /// replaces the file. Returns after the new content is durable, or with a typed failure.
    /// </summary>
    public PersistResult Update(Func<IReadOnlyList<T>, IReadOnlyList<T>> change, out IReadOnlyList<T> after)
    {
        after = [];
        using var held = FileLock.TryAcquire(LockPath, LockTimeout);
        if (held is null) return PersistResult.Failed($"{Name} is busy: another process held its lock for {LockTimeout.TotalSeconds:0} s");
        var read = ReadBytes();
        if (read.Note is { } unreadable) return PersistResult.Failed($"{unreadable}; not overwriting it");
        var decoded = Decode(read.Bytes);
        if (decoded.Notes.Any(n => n.NeedsRewrite) && TryBackup(read.Bytes!) is { Kind: RepairKind.RewriteFailed } failed)
            return PersistResult.Failed(failed.Message);
        after = change(decoded.Entries);
        return Write(after);
    }

    private PersistResult Write(IReadOnlyList<T> entries)
    {
        try
        {
            AtomicFile.WriteAllText(Path, Serialize(entries));
            return PersistResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PersistResult.Failed($"could not write {Name}: {e.Message}");
        }
    }

    public string Serialize(IEnumerable<T> entries)
    {
        var text = new StringBuilder();
        text.Append(new JsonObject { ["format"] = format, ["version"] = version }.ToJsonString()).Append('\n');
        foreach (var entry in entries) text.Append(codec.Encode(entry).ToJsonString()).Append('\n');
        return text.ToString();
    }

    private IReadOnlyList<RepairNote> BackupAndRewrite(byte[] original, IReadOnlyList<T> entries)
    {
        var backup = TryBackup(original);
        if (backup.Kind == RepairKind.RewriteFailed) return [backup];
        var written = Write(entries);
        return written.Ok ? [backup] : [backup, new(RepairKind.RewriteFailed, Name, null, written.Error!)];
    }

    private RepairNote TryBackup(byte[] original)
    {
        var backupPath = $"{Path}.damaged-{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}";
        try
        {
            AtomicFile.WriteAllBytes(backupPath, original);
            return new(RepairKind.BackupKept, Name, null, $"the damaged original was kept as {System.IO.Path.GetFileName(backupPath)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(RepairKind.RewriteFailed, Name, null, $"could not keep a backup ({e.Message}); file left as it was");
        }
    }

    private (byte[]? Bytes, RepairNote? Note) ReadBytes()
    {
        try { return (AtomicFile.TryReadAllBytes(Path), null); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new RepairNote(RepairKind.Unreadable, Name, null, $"could not be read: {e.Message}"));
        }
    }
}
