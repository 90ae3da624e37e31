using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Install;

/// <summary>
/// <c>mev install</c>: deploy the host payload, back up stock Move once (verified copy + manifest), put the launcher
/// at /opt/move/Move. Each step is idempotent and journaled; the launcher replaces stock Move only as the last
/// step, after the payload and a verified backup are on disk, so a kill at any instant boots stock or Move Everything.
/// </summary>
public sealed class Installer(IFileSystem fs, MoveLayout layout, TimeProvider clock)
{
    public OperationResult Install(string payloadFolder)
    {
        // Checked before taking the lock too, so a wrong --root leaves no folder behind (re-checked under the lock).
        if (!fs.FileExists(layout.StockBinary) && !fs.FileExists(layout.Manifest))
            return OperationResult.Failed(new BootError(BootErrorKind.StockMissing,
                $"{layout.StockBinary} does not exist: is --root the Move's filesystem root? Nothing was changed"), []);
        return Run(payloadFolder);
    }

    private OperationResult Run(string payloadFolder) =>
        new OperationRunner(fs, layout, clock, "install").Run(run =>
        {
            var payload = Payload.Read(fs, payloadFolder);
            run.SetVersion(payload.Version);
            run.Step("deploy-host", () => DeployHost(run, payload));
            run.Step("backup-stock", () => EnsureStockBackup(run, payload));
            run.Step("reset-boot-counter", () => ResetBootCounter());
            run.Step("install-launcher", () => InstallLauncher(run, payload));
        });

    private void DeployHost(OperationRunner run, Payload payload)
    {
        bool copied = HostVersions.Deploy(fs, layout, payload);
        var pointer = HostPointer.Read(fs, layout);
        if (pointer.Committed != payload.Version || pointer.Trial is not null)
        {
            var previous = pointer.Committed == payload.Version ? pointer.Previous : pointer.Committed ?? pointer.Previous;
            new HostPointer(payload.Version, previous, null, 0).Write(fs, layout);
        }
        HostVersions.Prune(fs, layout, HostPointer.Read(fs, layout));
        if (copied) run.Did($"host {payload.Version} deployed to {layout.VersionDir(payload.Version)}");
    }

    /// <summary>Makes sure a verified copy of the current stock Move exists and the manifest describes it.</summary>
    private void EnsureStockBackup(OperationRunner run, Payload payload)
    {
        var manifest = StockManifest.TryRead(fs, layout);
        var launchers = StockGuard.KnownLaunchers(fs, layout, manifest, payload);
        var move = FileHash.TryOf(fs, layout.StockBinary);
        bool moveIsLauncher = move is { } m && launchers.Contains(m.Sha256);
        bool moveIsNewStock = move is not null && !moveIsLauncher && (manifest is null || move != manifest.Stock);

        if (manifest is not null && !moveIsNewStock && StockGuard.BackupMatches(fs, layout, manifest)) return;
        if (move is null)
            throw BootFailure.Of(manifest is null ? BootErrorKind.StockMissing : BootErrorKind.BackupMissing,
                $"{layout.StockBinary} does not exist and no verified stock backup is recorded; nothing was changed");
        if (moveIsLauncher)
        {
            if (manifest is null)
                throw BootFailure.Of(BootErrorKind.BackupMissing,
                    $"{layout.StockBinary} is the Move Everything launcher but no stock backup manifest exists; restore stock Move manually");
            StockGuard.RequireVerifiedBackup(fs, layout); // throws a typed mismatch/missing error
            return;
        }
        // /opt/move/Move is stock Move (the first install, a repeat, or a new firmware): copy it aside, verified.
        var stock = move!.Value;
        if (!(fs.FileExists(layout.StockBackup) && FileHash.Of(fs, layout.StockBackup) == stock))
        {
            // A backup of an older stock Move is kept aside (never overwritten) until uninstall.
            if (manifest is not null && StockGuard.BackupMatches(fs, layout, manifest))
                fs.Rename(layout.StockBackup, layout.SupersededBackup);
            StockGuard.CopyVerified(fs, layout.StockBinary, layout.StockBackup, stock, executable: false);
        }
        new StockManifest(stock, clock.GetUtcNow(), manifest?.LauncherSha256s ?? []).Write(fs, layout);
        run.Did($"stock Move backed up to {layout.StockBackup} ({stock})");
    }

    /// <summary>Installing is the user's fresh start: forget strikes and the stock latch, keep the boot numbering.</summary>
    private void ResetBootCounter()
    {
        var state = BootState.Read(fs, layout, clock.GetUtcNow());
        if (state.Strikes.Count > 0 || state.StockLatched) (state with { Strikes = [], StockLatched = false }).Write(fs, layout);
    }

    private void InstallLauncher(OperationRunner run, Payload payload)
    {
        var manifest = StockGuard.RequireVerifiedBackup(fs, layout);
        var recorded = manifest.WithLauncher(payload.Launcher.Sha256);
        if (recorded != manifest) recorded.Write(fs, layout);
        if (FileHash.TryOf(fs, layout.StockBinary) == payload.Launcher) return;
        StockGuard.CopyVerified(fs, Path.Combine(payload.Folder, Payload.LauncherFile), layout.StockBinary, payload.Launcher, executable: true);
        run.Did($"launcher installed at {layout.StockBinary}");
    }
}
