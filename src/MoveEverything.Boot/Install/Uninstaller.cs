using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Install;

/// <summary>
/// <c>mev uninstall</c>: put stock Move back byte-identical (verified against the manifest), then remove the backup,
/// the host versions and the boot state; without <c>keepData</c> also modules, module data and guardrail state.
/// The stock binary is restored first and everything else is deleted only once /opt/move/Move hashes as stock.
/// </summary>
public sealed class Uninstaller(IFileSystem fs, MoveLayout layout, TimeProvider clock)
{
    public OperationResult Uninstall(bool keepData)
    {
        bool anythingInstalled = fs.DirectoryExists(layout.Data.Root) || fs.FileExists(layout.StockBackup);
        var result = Run(keepData, anythingInstalled);
        if (result.Succeeded) RemoveLeftoverFolders(keepData);
        return result;
    }

    private OperationResult Run(bool keepData, bool anythingInstalled) =>
        new OperationRunner(fs, layout, clock, "uninstall").Run(run =>
        {
            var manifest = StockManifest.TryRead(fs, layout);
            if (manifest is null)
            {
                RefuseIfLauncherWithoutBackup();
                if (!anythingInstalled)
                    throw BootFailure.Of(BootErrorKind.NotInstalled, $"Move Everything is not installed at {layout.Root}");
            }
            else
            {
                run.Step("restore-stock", () => StockRestorer.RestoreBinary(run, manifest));
            }
            run.Step("remove-backup", () =>
            {
                fs.DeleteFile(layout.StockBackup);
                fs.DeleteFile(layout.SupersededBackup);
            });
            run.Step("remove-host", () => fs.DeleteDirectory(layout.HostDir));
            run.Step("remove-data", () => RemoveData(keepData));
            run.Did(keepData ? "removed host and boot state; kept modules and their data" : $"removed {layout.Data.Root}");
        });

    private void RefuseIfLauncherWithoutBackup()
    {
        var move = FileHash.TryOf(fs, layout.StockBinary);
        var launchers = StockGuard.KnownLaunchers(fs, layout, null, null);
        if (move is { } m && launchers.Contains(m.Sha256))
            throw BootFailure.Of(BootErrorKind.BackupMissing,
                $"{layout.StockBinary} is the Move Everything launcher but the stock backup manifest is missing; nothing was changed");
    }

    /// <summary>Deletes what install added below the data root; the journal goes last so an interrupted run is still visible.</summary>
    private void RemoveData(bool keepData)
    {
        var data = layout.Data;
        if (!keepData)
        {
            foreach (var folder in fs.EnumerateDirectories(data.Root))
                if (folder != layout.BootDir) fs.DeleteDirectory(folder);
            foreach (var file in fs.EnumerateFiles(data.Root)) fs.DeleteFile(file);
        }
        foreach (var file in fs.EnumerateFiles(layout.BootDir))
            if (file != layout.Journal && file != layout.LockFile) fs.DeleteFile(file);
    }

    /// <summary>
    /// After the lock is released: remove the boot folder (lock file) and the data root if empty. Best effort, and the
    /// second failure boundary of uninstall: an empty folder left behind is harmless and the next run removes it.
    /// </summary>
    private void RemoveLeftoverFolders(bool keepData)
    {
        try
        {
            if (fs.FileExists(layout.Journal)) return;
            fs.DeleteDirectory(layout.BootDir);
            if (!keepData && !fs.EnumerateFiles(layout.Data.Root).Any() && !fs.EnumerateDirectories(layout.Data.Root).Any())
                fs.DeleteDirectory(layout.Data.Root);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }
    }
}
