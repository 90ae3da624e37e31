using MoveEverything.Health.Consent;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;

namespace MoveEverything.UiHost.Gate;

/// <summary>
/// How this UI host start stepped back from normal, and why (the launcher's MEV_BOOT_REASON, the supervisor's
/// host-safe-mode message, or "--safe-mode"). <see cref="Normal"/> when not in safe mode.
/// </summary>
public sealed record UiSafeMode(SafeModeLevel Level, string Reason)
{
    public static UiSafeMode Normal { get; } = new(SafeModeLevel.Off, "");

    public bool IsHostSafeMode => Level == SafeModeLevel.NoThirdPartyModules;

    /// <summary>
    /// From the command line and the launcher's environment: <c>--safe-mode</c> or MEV_SAFE_MODE=1 put the host
    /// in safe mode (third-party modules off); the reason is <c>--safe-mode-reason</c>, else MEV_BOOT_REASON.
    /// </summary>
    /// <param name="hostStart">The host-start record HostStartTracker wrote for this start, when there is one: a pending
    /// start marked safe puts the UI host in safe mode too, with HostStartTracker's explanation.</param>
    public static UiSafeMode From(bool flag, string? reason, Func<string, string?> environment,
        HostStartRecord? hostStart = null, HealthPolicy? policy = null)
    {
        var env = environment(Boot.BootHandoff.SafeModeVariable) == "1";
        if (!flag && !env && hostStart is { PendingSince: not null, PendingInSafeMode: true } record)
            return new UiSafeMode(SafeModeLevel.NoThirdPartyModules,
                record.UnhealthyStarts.Count >= (policy ?? HealthPolicy.Default).UnhealthyStartsForSafeMode
                    ? $"Safe mode: Move Everything did not start properly {record.UnhealthyStarts.Count} times in a row, so third-party modules are off."
                    : "Safe mode (requested): third-party modules are off.");
        if (!flag && !env) return Normal;
        var why = !string.IsNullOrWhiteSpace(reason) ? reason
            : environment(Boot.BootHandoff.ReasonVariable) is { Length: > 0 } r ? r
            : flag ? "started with --safe-mode" : "safe mode requested";
        return new UiSafeMode(SafeModeLevel.NoThirdPartyModules, why);
    }
}
