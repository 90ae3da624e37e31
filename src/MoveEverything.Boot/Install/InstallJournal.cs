using MoveEverything.Boot.Files;
using MoveEverything.Boot.Text;

namespace MoveEverything.Boot.Install;

/// <summary>
/// Write-ahead intent record: before each step of install, uninstall or restore the operation and the step are
/// written atomically; the record is deleted when the operation completes. A record left behind means the
/// operation was killed: every step is idempotent, so running the operation again finishes it, and meanwhile the
/// launcher boots stock Move.
/// </summary>
public sealed record InstallJournal(string Operation, string Step, string? Version, DateTimeOffset StartedAt)
{
    public static InstallJournal? TryRead(IFileSystem fs, MoveLayout layout)
    {
        if (!fs.FileExists(layout.Journal)) return null;
        var map = KeyValueFormat.Parse(fs.ReadAllBytes(layout.Journal));
        if (map is null) return new InstallJournal("unknown", "unknown", null, DateTimeOffset.UnixEpoch);
        return new InstallJournal(map.Text("op") ?? "unknown", map.Text("step") ?? "unknown", map.Text("version"),
            DateTimeOffset.FromUnixTimeMilliseconds(map.Long("started_at_ms") ?? 0));
    }

    internal void Write(IFileSystem fs, MoveLayout layout)
    {
        fs.CreateDirectory(layout.BootDir);
        fs.WriteAtomic(layout.Journal, KeyValueFormat.Format(
        [
            new("op", Operation), new("step", Step), new("version", Version ?? ""),
            new("started_at_ms", StartedAt.ToUnixTimeMilliseconds().ToString()),
        ]));
    }

    public override string ToString() => $"{Operation} (stopped at step '{Step}')";
}
