using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.States;
using MoveEverything.Health.Trust;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Manifests;
using MoveEverything.Storage;
using CapabilityGate = MoveEverything.Health.Consent.CapabilityGate;

namespace MoveEverything.Health.Admin;

/// <summary>
/// What `mev modules list|enable|disable|allow|remove` (and the menu's module screen) do, on the persisted
/// state under a <see cref="DataPaths"/> root: safe to run while a host is running (every write is a
/// locked read-modify-write; a running host picks changes up with <see cref="ModuleHealthRegistry.Refresh"/>).
/// </summary>
public sealed class ModuleAdministration
{
    private readonly IInstalledModules _installed;
    private readonly ModuleHealthRegistry _registry;
    private readonly IConsentStore _consent;
    private readonly CapabilityGate _gate;
    private readonly string _modulesFile;
    private readonly ModuleRemoval _removal;

    public ModuleAdministration(DataPaths paths, IInstalledModules installed, TimeProvider clock)
        : this(new FileModuleHealthStore(paths), new ConsentStore(paths, clock), installed, clock, paths.Modules) { }

    /// <param name="modulesRoot">The user modules folder (its <c>.trash</c> receives removed modules); null = removal
    /// only forgets state and refuses to delete folders.</param>
    public ModuleAdministration(IModuleHealthStore health, IConsentStore consent, IInstalledModules installed, TimeProvider clock,
        string? modulesRoot = null)
    {
        _installed = installed;
        _registry = new ModuleHealthRegistry(health, HealthPolicy.Default, clock);
        _consent = consent;
        _gate = new CapabilityGate(consent, _registry);
        _modulesFile = health is FileModuleHealthStore f ? Path.GetFileName(f.Path) : "modules-health";
        _removal = new ModuleRemoval(health, consent, _registry, modulesRoot);
        FinishedRemovals = _removal.FinishInterrupted(id => _installed.All.Any(m => m.Id == id));
        var consentLoad = consent.LoadAll();
        Repairs = [.. _registry.LoadNotes, .. consentLoad.Notes, .. UnknownModules(consentLoad)];
    }

    /// <summary>What loading the state repaired or noticed (damaged lines, entries for modules not installed).</summary>
    public IReadOnlyList<RepairNote> Repairs { get; }

    /// <summary>Removals a crash had interrupted, completed when this instance was opened (one sentence each).</summary>
    public IReadOnlyList<string> FinishedRemovals { get; }

    /// <summary>Every installed module and every module the state files mention, sorted by id.</summary>
    public IReadOnlyList<ModuleListing> List()
    {
        var installed = _installed.All.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var grants = _consent.LoadAll().Entries.ToLookup(g => g.ModuleId, StringComparer.Ordinal);
        var ids = installed.Keys.Union(_registry.Snapshot().Select(s => s.ModuleId)).Union(grants.Select(g => g.Key))
            .Order(StringComparer.Ordinal);
        return ids.Select(id => Listing(id, installed.GetValueOrDefault(id), grants[id].Select(g => g.Capability).Order().ToList()))
            .Select(row => WithPlacement(row, installed.GetValueOrDefault(row.Id))).ToList();
    }

    /// <summary>The trust records that decide each module's placement; null: every module counts as new (built-ins trusted).</summary>
    public TrustBook? Trust { get; init; }

    public AdminResult Disable(string moduleId)
    {
        if (!IsKnown(moduleId)) return Unknown(moduleId);
        var result = _registry.Disable(moduleId);
        return result.PersistError is { } e ? AdminResult.Fail(AdminErrorKind.PersistFailed, e)
            : AdminResult.Done($"{moduleId} disabled; it stays off until you enable it");
    }

    public AdminResult Enable(string moduleId)
    {
        if (!IsKnown(moduleId)) return Unknown(moduleId);
        var before = _registry.StateOf(moduleId);
        if (before.State is not (ModuleState.DisabledByUser or ModuleState.DisabledByPolicy))
            return AdminResult.Done($"{moduleId} is already enabled");
        var result = _registry.Enable(moduleId);
        return result.PersistError is { } e ? AdminResult.Fail(AdminErrorKind.PersistFailed, e)
            : AdminResult.Done($"{moduleId} enabled (strikes cleared); it loads the next time it is used");
    }

    public AdminResult Allow(string moduleId, string capability)
    {
        var module = _installed.All.FirstOrDefault(m => m.Id == moduleId);
        if (module is null) return Unknown(moduleId);
        if (!UnsafeCapabilities.TryParse(capability, out var parsed))
            return AdminResult.Fail(AdminErrorKind.UnknownCapability, new UnknownCapabilityRefusal(capability, null).Message);
        if (!module.UnsafeCapabilities.Contains(parsed))
            return AdminResult.Fail(AdminErrorKind.CapabilityNotDeclared,
                $"{moduleId} {module.Version} does not require \"{capability}\"" +
                (module.UnsafeCapabilities.IsEmpty ? " (it requires no unsafe capabilities)" : $" (it requires {module.UnsafeCapabilities})"));
        var saved = _consent.Grant(moduleId, [capability], module.Version);
        return saved.Error is { } e ? AdminResult.Fail(AdminErrorKind.PersistFailed, e)
            : AdminResult.Done($"{moduleId} {module.Version} may use {capability}");
    }

    /// <summary>
    /// Removes an installed module whatever its state or verdict (refused, crashed, disabled, waiting for consent,
    /// safe mode): its folder is deleted and its disable mark, strikes and consent are cleared. A module that is only
    /// remembered (state for an id no longer installed) has its state cleared. Built-in modules are refused.
    /// </summary>
    public AdminResult Remove(string moduleId)
    {
        var module = _installed.All.FirstOrDefault(m => m.Id == moduleId);
        if (module is null && !IsRemembered(moduleId)) return Unknown(moduleId);
        return _removal.Remove(moduleId, module);
    }

    private bool IsRemembered(string id) =>
        _registry.Snapshot().Any(s => s.ModuleId == id) || _consent.GrantsOf(id).Count > 0;

    private ModuleListing Listing(string id, InstalledModule? module, IReadOnlyList<string> granted)
    {
        var status = _registry.StateOf(id);
        var declared = module?.UnsafeCapabilities ?? CapabilitySet.Empty;
        var (state, reason) = (status.State, status.Reason);
        string? code = null;
        IReadOnlyList<string>? pending = null;
        if (module is null && !status.NeedsUser)
            (state, reason) = (ModuleState.Stopped, "not installed");
        else if (module is not null && state == ModuleState.Stopped)
        {
            // The load gate's order: disabled (above) before compatibility before consent.
            if (module.Refusal is { } refusal)
                (state, reason, code) = (ModuleState.Refused, refusal.Message, refusal.Code);
            else if (_gate.Decide(new GateRequest(id, module.Version, declared, module.IsBuiltIn), SafeModeLevel.Off) is
                     { Verdict: GateVerdict.NeedsConsent } decision)
                (state, reason, pending) = (ModuleState.AwaitingConsent, decision.Reason, decision.Missing.Names);
        }
        return new ModuleListing(id, state, reason, _registry.StrikesOf(id), module is not null, declared.Names, granted, status.LastFault,
            code, pending);
    }

    /// <summary>Installed or remembered; without discovery any safe id is accepted (a disable list may name a
    /// module that is not installed: it comes back disabled).</summary>
    private bool IsKnown(string id) =>
        _installed.All.Any(m => m.Id == id) || _registry.Snapshot().Any(s => s.ModuleId == id)
        || (!_installed.IsAuthoritative && ModuleIds.IsSafe(id));

    private static AdminResult Unknown(string id) =>
        AdminResult.Fail(AdminErrorKind.UnknownModule, $"no module \"{id}\" is installed or remembered");

    private IEnumerable<RepairNote> UnknownModules(StateLoad<Records.ConsentGrant> consentLoad)
    {
        var installed = _installed.All.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        if (!_installed.IsAuthoritative) return []; // no discovery: cannot tell
        return [.. UnknownModuleCheck.Notes(_modulesFile, _registry.Snapshot().Select(s => s.ModuleId), installed.Contains),
            .. UnknownModuleCheck.Notes("consent.jsonl", consentLoad.Entries.Select(g => g.ModuleId), installed.Contains)];
    }

    private ModuleListing WithPlacement(ModuleListing row, InstalledModule? module)
    {
        if (module is null) return row;
        var request = new TrustRequest(module.Id, module.Version, module.IsBuiltIn, module.UnsafeCapabilities);
        var decision = Trust?.Decide(request) ?? TrustPolicy.Decide(request, null, HealthPolicy.Default, DateTimeOffset.UtcNow);
        return row with { Placement = ModulePlacement.From(decision) };
    }
}
