using Microsoft.Extensions.Logging;
using MoveEverything.Boot;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.SafeMode;

namespace MoveEverything.UiHost.Gate;

/// <summary>
/// Connects the safe-mode screen's choices to Boot's <see cref="SafeModeActions"/>: on a device (the launcher's
/// MEV_ROOT handoff) reboots really reboot; otherwise (simulator) the rebooter only logs. A failing action is a
/// message on the screen, never an exception.
/// </summary>
public static class SafeModeWiring
{
    public static Func<SafeModeChoice, SafeModeActionResult> Actions(ILogger log, IRebooter? rebooter = null, string? root = null)
    {
        var handoff = BootHandoff.FromEnvironment();
        var layout = new MoveLayout(root ?? handoff?.Root ?? "/");
        rebooter ??= handoff is not null && root is null ? new SystemRebooter() : new LoggingRebooter(log);
        var actions = new SafeModeActions(new PhysicalFileSystem(), layout, TimeProvider.System, rebooter);
        return choice =>
        {
            SafeModeActionResult result;
            try { result = actions.Apply(choice); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                result = new SafeModeActionResult(choice, SafeModeFollowUp.ShowError, e.Message);
            }
            log.LogInformation("safe mode: {Choice} → {FollowUp}: {Message}", choice, result.FollowUp, result.Message);
            return result;
        };
    }
}
