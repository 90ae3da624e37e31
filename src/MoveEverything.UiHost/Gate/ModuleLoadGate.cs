using Microsoft.Extensions.Logging;
using MoveEverything.Health;
using MoveEverything.Health.Consent;
using MoveEverything.Health.States;
using MoveEverything.Health.Trust;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Manifests;
using MoveEverything.UiHost.Menu;
using HealthGate = MoveEverything.Health.Consent.CapabilityGate;

namespace MoveEverything.UiHost.Gate;

/// <summary>
/// The UI host's load-time gate. Checks, in this order, each fail-closed (tested):
/// <list type="number">
/// <item>Host safe mode: a module outside the built-in roots is refused (safe mode always works: built-ins stay).</item>
/// <item>Disabled by the user or the crash policy: refused as disabled (its screen offers "Turn on").</item>
/// <item>Compatibility: the manifest is read again from disk (what is about to run, not what was scanned) and
/// judged by <see cref="CompatibilityChecker"/> against <see cref="HostIdentity"/> and the policy, dsp.so included;
/// an unknown unsafe capability name is a refusal too.</item>
/// <item>Health's <see cref="HealthGate"/>: disabled modules stay off; unsafe capabilities need stored consent;
/// in safe mode none is granted.</item>
/// </list>
/// A module allowed to start also gets its trust verdict (<see cref="TrustPolicy"/> over the module's record in
/// <paramref name="trust"/>; without records every module but a built-in one is on probation), which its DSP load
/// carries to the engine as LoadFlags.Trusted.
/// Every refusal is logged and becomes the module's state in the registry (Refused / AwaitingConsent), so the menu,
/// <c>mev modules list</c> and the simulator summary show the same reason; a later pass moves it back to Stopped.
/// </summary>
public sealed class ModuleLoadGate(
    HostIdentity host, CompatibilityPolicy policy, IConsentStore consent, ModuleHealthRegistry registry,
    IReadOnlyList<string> builtInRoots, UiSafeMode safeMode, ILogger log, TrustBook? trust = null) : IModuleLoadGate
{
    private readonly HealthGate _gate = new(consent, registry);

    public UiSafeMode SafeMode => safeMode;

    public bool IsBuiltIn(CatalogEntry entry) => BuiltInModules.Contains(entry.Folder, builtInRoots);

    public bool IsOffered(CatalogEntry entry) => !safeMode.IsHostSafeMode || IsBuiltIn(entry);

    public LoadVerdict Check(CatalogEntry entry)
    {
        var verdict = Decide(entry);
        Record(entry, verdict);
        return verdict;
    }

    public string? Allow(CatalogEntry entry, CapabilitySet capabilities)
    {
        var saved = consent.Grant(entry.Id, capabilities.Names, entry.Manifest.Version);
        if (saved.Error is { } error) return error;
        log.LogInformation("{Module} {Version}: the user allowed {Capabilities}", entry.Id, entry.Manifest.Version, capabilities);
        return null;
    }

    public string SetEnabled(string moduleId, bool enabled)
    {
        var result = enabled ? registry.Enable(moduleId) : registry.Disable(moduleId);
        log.LogInformation("{Module} {Action} from the menu", moduleId, enabled ? "enabled" : "disabled");
        return result.PersistError is { } e ? $"not saved: {e}" : enabled ? "enabled" : "disabled";
    }

    private LoadVerdict Decide(CatalogEntry entry)
    {
        var builtIn = IsBuiltIn(entry);
        if (safeMode.IsHostSafeMode && !builtIn)
            return new LoadVerdict.Refused(RefusalKind.SafeMode, "Safe mode: third-party modules are off");

        // The user's own "off" comes before compatibility, so the screen offers to turn it back on.
        if (registry.StateOf(entry.Id) is { State: ModuleState.DisabledByUser or ModuleState.DisabledByPolicy } off)
            return new LoadVerdict.Refused(RefusalKind.Disabled, off.Reason);

        var parse = ManifestParser.Parse(Path.Combine(entry.Folder, "module.json"));
        // A dsp.so that is present is judged here (ELF, CPU, entry points, ABI). One that is absent is left to the
        // engine, which provides built-in DSP for the shipped modules and refuses any other missing library with a
        // typed reason (LoadResult) before running anything.
        var native = parse.Manifest is { } m ? NativeLibraryProbe.ForModule(m, entry.Folder) : null;
        if (native is { Exists: false }) native = null;
        var compatibility = CompatibilityChecker.Evaluate(parse, native, host, policy);
        if (!compatibility.MayLoad) return new LoadVerdict.Refused(RefusalKind.Incompatible, compatibility.Summary);
        var manifest = parse.Manifest!;
        var resolution = CapabilityResolver.Resolve(manifest);
        if (resolution.IsRefused) return new LoadVerdict.Refused(RefusalKind.Incompatible, resolution.Unknown[0].Message);

        var level = safeMode.Level;
        var decision = _gate.Decide(new GateRequest(manifest.Id, manifest.Version, resolution.Required, builtIn), level);
        return decision.Verdict switch
        {
            GateVerdict.Start => new LoadVerdict.Allowed(decision.Granted, decision.Reason,
                Trust(new TrustRequest(manifest.Id, manifest.Version, builtIn, resolution.Required))),
            GateVerdict.NeedsConsent => new LoadVerdict.NeedsConsent(decision.Missing, decision.Reason),
            GateVerdict.Disabled => new LoadVerdict.Refused(RefusalKind.Disabled, decision.Reason),
            _ => new LoadVerdict.Refused(RefusalKind.SafeMode, decision.Reason),
        };
    }

    private TrustDecision Trust(TrustRequest module) =>
        trust?.Decide(module) ?? TrustPolicy.Decide(module, null, registry.Policy, DateTimeOffset.UtcNow);

    private void Record(CatalogEntry entry, LoadVerdict verdict)
    {
        var state = registry.StateOf(entry.Id).State;
        switch (verdict)
        {
            case LoadVerdict.Refused { Kind: RefusalKind.Disabled }:
                break; // already recorded as disabled
            case LoadVerdict.Refused refused:
                log.LogWarning("{Module} refused: {Reason}", entry.Id, refused.Why);
                registry.Refuse(entry.Id, refused.Why);
                break;
            case LoadVerdict.NeedsConsent needs:
                log.LogWarning("{Module} waits for consent: {Reason}", entry.Id, needs.Why);
                registry.AwaitConsent(entry.Id, needs.Why);
                break;
            case LoadVerdict.Allowed when state is ModuleState.Refused or ModuleState.AwaitingConsent:
                registry.ReportStopped(entry.Id, "cleared to start");
                break;
        }
    }
}
