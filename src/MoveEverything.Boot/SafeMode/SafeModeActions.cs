using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;

namespace MoveEverything.Boot.SafeMode;

/// <summary>Carries out a safe-mode choice. Reboots go through the injected <see cref="IRebooter"/>.</summary>
public sealed class SafeModeActions(IFileSystem fs, MoveLayout layout, TimeProvider clock, IRebooter rebooter)
{
    public SafeModeActionResult Apply(SafeModeChoice choice) => choice switch
    {
        SafeModeChoice.ContinueWithoutModules =>
            new(choice, SafeModeFollowUp.StayInSafeMode, "Running without third-party modules"),
        SafeModeChoice.ReEnableModulesOneByOne =>
            new(choice, SafeModeFollowUp.OpenModuleList, "Enable one module, play, then the next"),
        SafeModeChoice.RestoreStock => RestoreStock(),
        SafeModeChoice.RebootNormally => RebootNormally(),
        _ => throw new ArgumentOutOfRangeException(nameof(choice)),
    };

    private SafeModeActionResult RestoreStock()
    {
        var result = new StockRestorer(fs, layout, clock).RestoreAndReboot(rebooter);
        return result.Succeeded
            ? new(SafeModeChoice.RestoreStock, SafeModeFollowUp.Rebooting, string.Join("; ", result.Done.DefaultIfEmpty("stock Move restored")))
            : new(SafeModeChoice.RestoreStock, SafeModeFollowUp.ShowError, result.Error!.Message);
    }

    /// <summary>
    /// The user vouches for the next boot: strikes and the stock latch are cleared, and this orderly reboot of a
    /// running safe boot is not judged (no last target), before rebooting.
    /// </summary>
    private SafeModeActionResult RebootNormally()
    {
        var state = BootState.Read(fs, layout, clock.GetUtcNow());
        (state with { Strikes = [], StockLatched = false, LastTarget = null }).Write(fs, layout);
        var error = rebooter.Reboot("reboot normally from safe mode");
        return error is null
            ? new(SafeModeChoice.RebootNormally, SafeModeFollowUp.Rebooting, "Rebooting with modules on")
            : new(SafeModeChoice.RebootNormally, SafeModeFollowUp.ShowError, error);
    }
}
