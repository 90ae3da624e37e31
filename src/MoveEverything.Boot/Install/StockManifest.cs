using MoveEverything.Boot.Files;
using MoveEverything.Boot.Text;

namespace MoveEverything.Boot.Install;

/// <summary>
/// What the stock binary was when it was backed up: SHA-256 and size, plus the hashes of every launcher ever put in
/// its place (so a later run can tell "our launcher" from "a new stock Move after a firmware update"). Written atomically.
/// </summary>
public sealed record StockManifest(FileHash Stock, DateTimeOffset BackedUpAt, IReadOnlyList<string> LauncherSha256s)
{
    internal static StockManifest? TryRead(IFileSystem fs, MoveLayout layout)
    {
        if (!fs.FileExists(layout.Manifest)) return null;
        var map = KeyValueFormat.Parse(fs.ReadAllBytes(layout.Manifest));
        var sha = map?.Text("stock_sha256");
        var size = map?.Long("stock_size");
        if (map is null || sha is null || sha.Length != 64 || size is null or < 0)
            throw BootFailure.Of(BootErrorKind.BackupCorrupt,
                $"the backup manifest {layout.Manifest} is unreadable; the stock backup at {layout.StockBackup} is left untouched");
        var at = DateTimeOffset.FromUnixTimeMilliseconds(map.Long("backed_up_at_ms") ?? 0);
        var launchers = (map.Text("launcher_sha256s") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new StockManifest(new FileHash(sha, size.Value), at, launchers);
    }

    public StockManifest WithLauncher(string sha256) =>
        LauncherSha256s.Contains(sha256) ? this : this with { LauncherSha256s = [.. LauncherSha256s, sha256] };

    internal void Write(IFileSystem fs, MoveLayout layout) =>
        fs.WriteAtomic(layout.Manifest, KeyValueFormat.Format(
        [
            new("stock_sha256", Stock.Sha256),
            new("stock_size", Stock.Size.ToString()),
            new("backed_up_at_ms", BackedUpAt.ToUnixTimeMilliseconds().ToString()),
            new("launcher_sha256s", string.Join(',', LauncherSha256s)),
        ]));
}
