using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Versioning;
using R = MoveEverything.Modules.Compatibility.CompatibilityReason;

namespace MoveEverything.Modules.Compatibility;

/// <summary>
/// Decides whether a module may load on a host, by the rules of docs/COMPATIBILITY.md. Used at
/// load time (this host) and at install time (the target host). Invariant: fails closed — an
/// unknown host version, a malformed version, an unreadable or foreign library, or any unexpected
/// failure of the evaluation itself yields a refusal, never a silent pass.
/// </summary>
public static class CompatibilityChecker
{
    public static CompatibilityVerdict Evaluate(
        ManifestParseResult parse, NativeLibraryProbe? native, HostIdentity host, CompatibilityPolicy policy)
    {
        var findings = new List<CompatibilityFinding>();
        try
        {
            CheckManifest(parse, findings);
            if (parse.Manifest is { } m)
            {
                CheckHostVersion(m, host, policy, findings);
                CheckDeclaredAbi(m, policy, findings);
                if (native is not null) CheckNative(m, native, host, policy, findings);
            }
        }
        catch (Exception e)
        {
            findings.Add(new(R.EvaluationFailed, $"the compatibility check itself failed ({e.GetType().Name}: {e.Message}); refusing to be safe"));
        }
        return new CompatibilityVerdict(findings);
    }

    /// <summary>Rule M: a manifest with error diagnostics does not load.</summary>
    private static void CheckManifest(ManifestParseResult parse, List<CompatibilityFinding> findings)
    {
        foreach (var d in parse.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var reason = d.Code switch
            {
                DiagnosticCodes.MalformedHostVersion => R.MalformedVersion,
                DiagnosticCodes.UnknownCapability => R.UnknownCapability,
                _ => R.InvalidManifest,
            };
            findings.Add(new(reason, d.Message));
        }
    }

    /// <summary>Rules H1–H4: min_host_version, max_tested_host_version, unknown host version.</summary>
    private static void CheckHostVersion(Manifest m, HostIdentity host, CompatibilityPolicy policy, List<CompatibilityFinding> findings)
    {
        var min = Parse(m.MinHostVersion);
        var maxTested = Parse(m.MaxTestedHostVersion);
        if (host.Version is not { } h)
        {
            if (m.MinHostVersion is not null || m.MaxTestedHostVersion is not null)
                findings.Add(new(R.UnknownHostVersion,
                    "this host's version is unknown, so the module's host-version requirement cannot be checked; refused to be safe"));
            return;
        }
        if (m.MinHostVersion is null)
            findings.Add(new(R.NoMinHostVersion, "the module does not say which host version it needs (min_host_version)"));
        else if (min is not null && h < min)
            findings.Add(new(R.NeedsNewerHost, $"needs host {min} or newer; this host is {h}. Update the host, or install an older version of the module"));
        if (maxTested is not null && h > maxTested)
        {
            var oldest = policy.OldestSupportedLine(h);
            findings.Add(maxTested < oldest
                ? new(R.TestedOnlyOnOldHost, $"tested only up to host {maxTested}, older than this host's support window (from {oldest}); it may misbehave")
                : new(R.NewerThanTested, $"tested up to host {maxTested}; this host {h} is newer but within the support window"));
        }
    }

    /// <summary>Rule A1: a declared api_version must be an ABI the ecosystem defines.</summary>
    private static void CheckDeclaredAbi(Manifest m, CompatibilityPolicy policy, List<CompatibilityFinding> findings)
    {
        if (m.ApiVersion is not { } abi) return;
        if (abi > policy.NewestAbi)
            findings.Add(new(R.AbiTooNew, $"api_version {abi} is newer than any plugin ABI this host knows (newest: {policy.NewestAbi}); update the host"));
        else if (policy.FindAbi(abi) is null)
            findings.Add(new(R.AbiUnknown, $"api_version {abi} is not a plugin ABI (use 2, or 1 for old modules)"));
    }

    /// <summary>Rules N1–N4 and A2–A4: the library exists, is an ELF for this CPU, exports an entry point, and its ABI is not retired.</summary>
    private static void CheckNative(Manifest m, NativeLibraryProbe native, HostIdentity host, CompatibilityPolicy policy, List<CompatibilityFinding> findings)
    {
        var file = Path.GetFileName(native.Path);
        if (!native.Exists)
        {
            findings.Add(new(R.DspMissing, native.Declared
                ? $"the module names {file} but there is no such file in its folder"
                : $"a {m.ComponentType ?? "chain"} module needs {file} and there is none"));
            return;
        }
        if (native.Elf is not { Ok: true } elf)
        {
            findings.Add(new(R.DspNotLoadable, $"{file}: {native.Elf?.Error?.Message ?? "unreadable"}"));
            return;
        }
        if (elf.Info.Cpu != host.Cpu)
            findings.Add(new(R.NoBuildForThisCpu, $"{file} is built for {elf.Info.MachineName}; this host needs a {CpuName(host.Cpu)} build"));
        var accepted = PluginEntryPoints.AcceptedFor(m.Kind);
        if (!accepted.Any(elf.Info.Exports))
            findings.Add(new(R.NoEntryPoint, $"{file} exports none of the entry points a {m.ComponentType ?? "module"} needs ({string.Join(", ", accepted)})"));
        var bound = PluginEntryPoints.BoundAbi(elf.Info.ExportedSymbols);
        if (bound is { } b && m.ApiVersion is { } declared && declared != b && policy.FindAbi(declared) is not null)
            findings.Add(new(R.AbiMismatch, $"module.json says api_version {declared} but {file} exports the ABI {b} entry point; ABI {b} is used"));
        if (bound is { } abi) CheckLifecycle(abi, host, policy, findings);
    }

    /// <summary>Rules A3–A4: a deprecated ABI warns for one support window, then is retired.</summary>
    private static void CheckLifecycle(int abi, HostIdentity host, CompatibilityPolicy policy, List<CompatibilityFinding> findings)
    {
        if (policy.FindAbi(abi) is not { DeprecatedIn: not null } life) return;
        var retired = policy.RetirementOf(life)!;
        if (host.Version is not { } h)
            findings.Add(new(R.UnknownHostVersion, $"plugin ABI {abi} is deprecated and this host's version is unknown, so its retirement cannot be checked; refused to be safe"));
        else if (h >= retired)
            findings.Add(new(R.AbiRetired, $"uses plugin ABI {abi}, retired in host {retired}; the module must be rebuilt for ABI {policy.NewestAbi}"));
        else if (h >= life.DeprecatedIn!)
            findings.Add(new(R.AbiDeprecated, $"uses plugin ABI {abi}, deprecated since host {life.DeprecatedIn} and refused from host {retired}; ask the author for an ABI {policy.NewestAbi} build"));
    }

    private static DottedVersion? Parse(string? text) => DottedVersion.TryParse(text, out var v, out _) ? v : null;

    private static string CpuName(Elf.CpuArchitecture cpu) => cpu switch
    {
        Elf.CpuArchitecture.Arm64 => "AArch64",
        Elf.CpuArchitecture.X64 => "x86-64",
        _ => cpu.ToString(),
    };
}
