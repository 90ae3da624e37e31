using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Install;

/// <summary>
/// The rules that protect the stock binary. Invariant: at every instant a byte-identical copy of stock Move exists at
/// /opt/move/Move or at the verified backup, and a file is only renamed over /opt/move/Move after its bytes were
/// fsynced and re-hashed.
/// </summary>
internal static class StockGuard
{
    /// <summary>Hashes of every launcher we could have installed: recorded in the manifest, in the payload, in any host version.</summary>
    public static HashSet<string> KnownLaunchers(IFileSystem fs, MoveLayout layout, StockManifest? manifest, Payload? payload)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (manifest is not null) known.UnionWith(manifest.LauncherSha256s);
        if (payload is not null) known.Add(payload.Launcher.Sha256);
        foreach (var version in fs.EnumerateDirectories(layout.Versions))
        {
            var launcher = Path.Combine(version, Payload.LauncherFile);
            if (fs.FileExists(launcher)) known.Add(FileHash.Of(fs, launcher).Sha256);
        }
        return known;
    }

    public static bool BackupMatches(IFileSystem fs, MoveLayout layout, StockManifest manifest) =>
        fs.FileExists(layout.StockBackup)
        && fs.FileLength(layout.StockBackup) == manifest.Stock.Size
        && FileHash.Of(fs, layout.StockBackup) == manifest.Stock;

    /// <summary>Copies to a temporary sibling, fsyncs, re-hashes, then renames over <paramref name="destination"/>.</summary>
    public static void CopyVerified(IFileSystem fs, string source, string destination, FileHash expected, bool executable)
    {
        var temp = destination + ".mev-tmp";
        fs.CopyDurable(source, temp);
        if (executable) fs.SetExecutable(temp);
        var written = FileHash.Of(fs, temp);
        if (written != expected)
        {
            fs.DeleteFile(temp);
            throw BootFailure.Of(BootErrorKind.HashMismatch,
                $"copy of {source} to {destination} reads back as {written}, expected {expected}; nothing was replaced");
        }
        fs.Rename(temp, destination);
    }

    /// <summary>Reads the manifest and insists the backup matches it; else a typed error and nothing is touched.</summary>
    public static StockManifest RequireVerifiedBackup(IFileSystem fs, MoveLayout layout)
    {
        var manifest = StockManifest.TryRead(fs, layout)
            ?? throw BootFailure.Of(BootErrorKind.BackupMissing, $"no stock backup is recorded ({layout.Manifest} is missing)");
        if (!fs.FileExists(layout.StockBackup))
            throw BootFailure.Of(BootErrorKind.BackupMissing, $"the stock backup {layout.StockBackup} is missing");
        var actual = FileHash.Of(fs, layout.StockBackup);
        if (actual != manifest.Stock)
            throw BootFailure.Of(BootErrorKind.HashMismatch,
                $"the stock backup {layout.StockBackup} is {actual} but the manifest recorded {manifest.Stock}; it was left untouched");
        return manifest;
    }
}
