using MoveEverything.Modules.Versioning;

namespace MoveEverything.Modules.Compatibility;

/// <summary>
/// The compatibility rules of docs/COMPATIBILITY.md as data; the one place for their constants.
/// <see cref="Current"/> is the policy this host ships with; tests build others to exercise rules
/// at future host versions.
/// </summary>
public sealed record CompatibilityPolicy
{
    /// <summary>How many minor host release lines are supported, counting the current one. Default 3.</summary>
    public int SupportWindowMinors { get; init; } = 3;

    /// <summary>Host release lines (major.minor) in release order, oldest first, including the current one.</summary>
    public IReadOnlyList<DottedVersion> ReleaseLines { get; init; } = [];

    /// <summary>Every plugin ABI the ecosystem defines; anything else is unknown (≤ 0) or too new.</summary>
    public IReadOnlyList<AbiLifecycle> Abis { get; init; } = [];

    public static CompatibilityPolicy Current { get; } = new()
    {
        ReleaseLines = [V("0.7"), V("0.8"), V("0.9"), V("1.0")],
        Abis =
        [
            new(1, V("0.1"), V("1.0"), "move_plugin_init_v1: one singleton instance per module"),
            new(2, V("0.3"), null, "move_plugin_init_v2 / move_audio_fx_init_v2: instance-based"),
        ],
    };

    /// <summary>
    /// Host version from which a deprecated ABI is refused: the deprecation line plus
    /// <see cref="SupportWindowMinors"/> minors (same major), so it stays loadable for one whole
    /// support window after it was deprecated. Null when the ABI is not deprecated.
    /// </summary>
    public DottedVersion? RetirementOf(AbiLifecycle abi) =>
        abi.DeprecatedIn is { } d ? V($"{d.Major}.{d.Minor + SupportWindowMinors}") : null;

    /// <summary>
    /// Oldest host line still inside the support window of <paramref name="host"/>: the
    /// <see cref="SupportWindowMinors"/> newest release lines up to the host's own. A host not in
    /// <see cref="ReleaseLines"/> (a newer build) counts back from the newest listed line.
    /// </summary>
    public DottedVersion OldestSupportedLine(DottedVersion host)
    {
        var lines = ReleaseLines.Where(l => l <= V($"{host.Major}.{host.Minor}")).ToList();
        if (lines.Count == 0) return V($"{host.Major}.{host.Minor}");
        return lines[Math.Max(0, lines.Count - SupportWindowMinors)];
    }

    public AbiLifecycle? FindAbi(int abi) => Abis.FirstOrDefault(a => a.Abi == abi);

    public int NewestAbi => Abis.Max(a => a.Abi);

    private static DottedVersion V(string text) => DottedVersion.Parse(text);
}
