using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Install;

/// <summary>
/// "Restore stock Move" (system menu, <c>mev restore-stock</c>): check the backup's hash, copy it over the launcher
/// (verified), and ask for a reboot. Host versions, data and the backup stay, so <c>mev install</c> re-enables
/// Move Everything later.
/// </summary>
public sealed class StockRestorer(IFileSystem fs, MoveLayout layout, TimeProvider clock)
{
    public OperationResult Restore() =>
        new OperationRunner(fs, layout, clock, "restore-stock").Run(run =>
        {
            var manifest = StockGuard.RequireVerifiedBackup(fs, layout);
            run.Step("restore-stock", () => RestoreBinary(run, manifest));
        });

    /// <summary>Restores and, when it succeeded, reboots through <paramref name="rebooter"/>.</summary>
    public OperationResult RestoreAndReboot(IRebooter rebooter)
    {
        var result = Restore();
        if (!result.Succeeded) return result;
        var reboot = rebooter.Reboot("stock Move restored");
        return reboot is null ? result : OperationResult.Ok([.. result.Done, $"reboot did not happen: {reboot}"]);
    }

    /// <summary>Makes /opt/move/Move byte-identical to the recorded stock binary. Idempotent.</summary>
    internal static void RestoreBinary(OperationRunner run, StockManifest manifest)
    {
        var (fs, layout) = (run.Fs, run.Layout);
        if (FileHash.TryOf(fs, layout.StockBinary) == manifest.Stock) return;
        StockGuard.RequireVerifiedBackup(fs, layout);
        StockGuard.CopyVerified(fs, layout.StockBackup, layout.StockBinary, manifest.Stock, executable: true);
        run.Did($"stock Move restored to {layout.StockBinary} ({manifest.Stock})");
    }
}
