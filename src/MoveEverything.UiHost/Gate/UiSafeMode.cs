using MoveEverything.Health.Consent;

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
    public static UiSafeMode From(bool flag, string? reason, Func<string, string?> environment)
    {
        var env = environment(Boot.BootHandoff.SafeModeVariable) == "1";
        if (!flag && !env) return Normal;
        var why = !string.IsNullOrWhiteSpace(reason) ? reason
            : environment(Boot.BootHandoff.ReasonVariable) is { Length: > 0 } r ? r
            : flag ? "started with --safe-mode" : "safe mode requested";
        return new UiSafeMode(SafeModeLevel.NoThirdPartyModules, why);
    }
}
