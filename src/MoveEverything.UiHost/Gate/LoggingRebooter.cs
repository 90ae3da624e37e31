using Microsoft.Extensions.Logging;
using MoveEverything.Boot.Install;

namespace MoveEverything.UiHost.Gate;

/// <summary>The rebooter of a host not started by the launcher (simulator, desktop): it only logs the request.</summary>
public sealed class LoggingRebooter(ILogger log) : IRebooter
{
    public List<string> Requests { get; } = [];

    public string? Reboot(string why)
    {
        Requests.Add(why);
        log.LogWarning("reboot requested ({Why}); not started by the launcher, so nothing is rebooted", why);
        return null;
    }
}
