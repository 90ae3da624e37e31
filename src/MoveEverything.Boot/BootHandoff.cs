using MoveEverything.Boot.Decision;

namespace MoveEverything.Boot;

/// <summary>
/// What the launcher tells the host it execs, as environment variables: the filesystem root, the boot id the host
/// must put in its health mark, the host version, and whether (and why) this is a safe-mode boot.
/// </summary>
public sealed record BootHandoff(string Root, long BootId, string HostVersion, bool SafeMode, string Reason)
{
    public const string RootVariable = "MEV_ROOT";
    public const string BootIdVariable = "MEV_BOOT_ID";
    public const string HostVersionVariable = "MEV_HOST_VERSION";
    public const string SafeModeVariable = "MEV_SAFE_MODE";
    public const string ReasonVariable = "MEV_BOOT_REASON";

    public IEnumerable<KeyValuePair<string, string>> ToEnvironment() =>
    [
        new(RootVariable, Root), new(BootIdVariable, BootId.ToString()), new(HostVersionVariable, HostVersion),
        new(SafeModeVariable, SafeMode ? "1" : "0"), new(ReasonVariable, Reason),
    ];

    public static BootHandoff For(MoveLayout layout, BootState next, BootDecision decision) =>
        new(layout.Root, next.BootCount, decision.HostVersion ?? "", decision.Target == BootTarget.Safe, decision.Reason);

    /// <summary>The handoff of the running host, or null when it was not started by the launcher.</summary>
    public static BootHandoff? FromEnvironment()
    {
        var root = Environment.GetEnvironmentVariable(RootVariable);
        if (string.IsNullOrEmpty(root) || !long.TryParse(Environment.GetEnvironmentVariable(BootIdVariable), out var id)) return null;
        return new BootHandoff(root, id, Environment.GetEnvironmentVariable(HostVersionVariable) ?? "",
            Environment.GetEnvironmentVariable(SafeModeVariable) == "1", Environment.GetEnvironmentVariable(ReasonVariable) ?? "");
    }
}
