using System.Runtime.InteropServices;
using MoveEverything.Modules.Elf;
using MoveEverything.Modules.Versioning;

namespace MoveEverything.Modules.Compatibility;

/// <summary>
/// What a host is, for compatibility checks: its version (null = unknown, which fails closed),
/// its host API version and its CPU. <see cref="Current"/> is this build; install-time checks may
/// evaluate against another host (e.g. a device whose version could not be read).
/// </summary>
/// <param name="Version">Host version (SemVer); null when it cannot be determined.</param>
/// <param name="HostApiVersion">Generation of the host API (host_api_v1_t and the JS host functions).</param>
/// <param name="Cpu">CPU the host runs on; native modules must match it.</param>
public sealed record HostIdentity(DottedVersion? Version, int HostApiVersion, CpuArchitecture Cpu)
{
    /// <summary>
    /// This host's version. It continues the original host's version line (its last 0.9.x releases
    /// came before), so a <c>min_host_version</c> written for the original keeps its meaning here.
    /// The one place the host version is defined.
    /// </summary>
    public const string CurrentVersionText = "1.0.0";

    /// <summary>Host API generation: 1 = host_api_v1_t (112 bytes) and the JS host functions of the original.</summary>
    public const int CurrentHostApiVersion = 1;

    public static HostIdentity Current { get; } =
        new(DottedVersion.Parse(CurrentVersionText), CurrentHostApiVersion, CpuOf(RuntimeInformation.ProcessArchitecture));

    public static CpuArchitecture CpuOf(Architecture architecture) => architecture switch
    {
        Architecture.X64 => CpuArchitecture.X64,
        Architecture.Arm64 => CpuArchitecture.Arm64,
        _ => CpuArchitecture.Other,
    };

    public override string ToString() => $"host {Version?.Text ?? "(unknown version)"} (host API {HostApiVersion}, {Cpu})";
}
