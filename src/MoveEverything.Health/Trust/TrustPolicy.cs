using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Trust;

/// <summary>
/// Decides whether a module is trusted. Rules, in order (each tested):
/// <list type="number">
/// <item>Built in (shipped with the host) → trusted.</item>
/// <item>Declares an unsafe capability that reaches native code (a host_api_v1_t field, e.g. hardware_mailbox) →
/// untrusted: native code cannot be sandboxed in-process, so such a module runs isolated by default.</item>
/// <item>Faulted (crash, hang, bypass, script fault) since its install or last update → untrusted.</item>
/// <item>On probation: fewer than <see cref="HealthPolicy.ProbationCleanLoads"/> clean loads or less than
/// <see cref="HealthPolicy.ProbationCleanRunTime"/> of clean run time since its install or last update → untrusted.</item>
/// <item>Otherwise → trusted (clean record).</item>
/// </list>
/// The record must be the one for the module's current version (<see cref="TrustLedger.Current"/>); a record of
/// another version counts as a new module.
/// </summary>
public static class TrustPolicy
{
    public static TrustDecision Decide(TrustRequest module, TrustRecord? record, HealthPolicy policy, DateTimeOffset now)
    {
        if (module.IsBuiltIn) return new(true, TrustBasis.BuiltIn, "built-in module: trusted");
        if (NativeCapabilities(module.UnsafeCapabilities) is { Count: > 0 } native)
            return new(false, TrustBasis.UnsafeNativeCapability,
                $"uses {string.Join(", ", native)}: native code cannot be sandboxed in-process");
        var r = TrustLedger.Current(record, module.ModuleId, module.ModuleVersion, now);
        if (r.Faults > 0)
            return new(false, TrustBasis.FaultedSinceUpdate, $"faulted {Times(r.Faults)} since version {r.ModuleVersion} was installed");
        if (r.CleanLoads < policy.ProbationCleanLoads)
            return new(false, TrustBasis.Probation, $"on probation: {r.CleanLoads} of {policy.ProbationCleanLoads} clean loads");
        if (r.CleanRunTime < policy.ProbationCleanRunTime)
            return new(false, TrustBasis.Probation,
                $"on probation: {r.CleanRunTime.TotalHours:0.#} h of {policy.ProbationCleanRunTime.TotalHours:0.#} h clean run time");
        return new(true, TrustBasis.CleanRecord,
            $"clean record: {r.CleanLoads} loads, {r.CleanRunTime.TotalHours:0.#} h without a fault");
    }

    /// <summary>The declared capabilities that unlock a field of the native host API (CapabilitySurfaces), by name.</summary>
    public static IReadOnlyList<string> NativeCapabilities(CapabilitySet declared) =>
        CapabilitySurfaces.All.Where(s => s.UnlocksNative.Count > 0 && declared.Contains(s.Capability))
            .Select(s => UnsafeCapabilities.NameOf(s.Capability)).ToList();

    private static string Times(int n) => n == 1 ? "once" : $"{n} times";
}
