using MoveEverything.Health.States;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Consent;

/// <summary>
/// Answers "may this module start, and with which unsafe capabilities granted?". Rules, checked in this
/// order (each tested):
/// <list type="number">
/// <item>Safe mode first: at any level no unsafe capability is granted, whatever was agreed; in host safe
/// mode a third-party module is refused.</item>
/// <item>A module disabled by the user or the crash policy does not start.</item>
/// <item>Every required unsafe capability needs a stored grant (stored by name; names this host does not
/// know grant nothing). A module with one missing is not started
/// (Chrome's rule for required permissions); when the module had grants before, the reason says the update
/// added the capability. A capability granted for an older version stays granted (an update that adds
/// nothing needs no new consent).</item>
/// </list>
/// Read-only: it never changes the stores; the caller moves the registry (e.g. <c>AwaitConsent</c>).
/// </summary>
public sealed class CapabilityGate(IConsentStore consent, ModuleHealthRegistry health)
{
    public GateDecision Decide(GateRequest request, SafeModeLevel safeMode)
    {
        var declared = request.UnsafeCapabilities;
        var none = CapabilitySet.Empty;

        if (safeMode == SafeModeLevel.NoThirdPartyModules && !request.IsBuiltIn)
            return new(GateVerdict.RefusedBySafeMode, none, none, "safe mode: third-party modules are off");

        var status = health.StateOf(request.ModuleId);
        if (status.State is ModuleState.DisabledByUser or ModuleState.DisabledByPolicy)
            return new(GateVerdict.Disabled, none, none, status.Reason);

        if (safeMode != SafeModeLevel.Off)
            return new(GateVerdict.Start, none, none, declared.IsEmpty ? "safe mode" : $"safe mode: started without {declared}");

        var grants = consent.GrantsOf(request.ModuleId);
        var agreed = CapabilitySet.Of(grants.Select(g => UnsafeCapabilities.TryParse(g.Capability, out var c) ? (UnsafeCapability?)c : null)
            .OfType<UnsafeCapability>());
        var missing = declared.Except(agreed);
        if (missing.IsEmpty)
            return new(GateVerdict.Start, declared, none, declared.IsEmpty ? "no unsafe capabilities" : $"you allowed {declared}");

        var reason = grants.Count > 0 && grants.Any(g => g.ModuleVersion != request.ModuleVersion)
            ? $"version {request.ModuleVersion} adds {missing}; it stays off until you allow it again"
            : $"needs your OK to use {missing}";
        return new(GateVerdict.NeedsConsent, none, missing, reason);
    }
}
