namespace MoveEverything.Boot.SafeMode;

/// <summary>
/// Display-independent model of the safe-mode screen: why we are in safe mode and the four choices. The UI host
/// renders it on the 128×64 display; <see cref="SafeModeActions"/> carries the choices out.
/// </summary>
public sealed record SafeModeScreen(string Title, string Reason, IReadOnlyList<SafeModeOption> Options)
{
    public const string DefaultTitle = "Safe mode";

    /// <summary>The screen for this boot; <paramref name="reason"/> is the launcher's reason (MEV_BOOT_REASON).</summary>
    public static SafeModeScreen For(string reason) => new(DefaultTitle, string.IsNullOrWhiteSpace(reason) ? "safe mode requested" : reason,
    [
        new(SafeModeChoice.ContinueWithoutModules, "Continue",
            "Keep playing with Move Everything; third-party modules stay off until the next normal boot"),
        new(SafeModeChoice.ReEnableModulesOneByOne, "Enable modules",
            "Open the module list to turn modules back on one at a time and find the one that fails"),
        new(SafeModeChoice.RestoreStock, "Restore stock Move",
            "Put the original Move program back (checked against its recorded hash) and reboot"),
        new(SafeModeChoice.RebootNormally, "Reboot normally",
            "Forget the failed boots and restart with all enabled modules"),
    ]);

    public static SafeModeScreen ForCurrentBoot() => For(BootHandoff.FromEnvironment()?.Reason ?? "");
}
