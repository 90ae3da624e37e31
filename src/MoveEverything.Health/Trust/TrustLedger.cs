using MoveEverything.Health.Records;

namespace MoveEverything.Health.Trust;

/// <summary>
/// The pure changes of a <see cref="TrustRecord"/>. Invariant (tested): whatever is recorded for a version other than
/// the stored one starts from a fresh record for the new version, so an update puts a module back on probation and
/// clears its faults; counters only grow within one version.
/// </summary>
public static class TrustLedger
{
    /// <summary>The record that counts for <paramref name="version"/>: the stored one, or a fresh one after an install or update.</summary>
    public static TrustRecord Current(TrustRecord? stored, string moduleId, string version, DateTimeOffset now) =>
        stored is not null && stored.ModuleVersion == version ? stored : TrustRecord.Fresh(moduleId, version, now);

    public static TrustRecord CleanLoad(TrustRecord? stored, string moduleId, string version, DateTimeOffset now)
    {
        var current = Current(stored, moduleId, version, now);
        return current with { CleanLoads = current.CleanLoads == int.MaxValue ? int.MaxValue : current.CleanLoads + 1 };
    }

    /// <summary>Adds run time that ended without a fault; a negative or zero duration changes nothing but the version.</summary>
    public static TrustRecord CleanRun(TrustRecord? stored, string moduleId, string version, TimeSpan ranFor, DateTimeOffset now)
    {
        var current = Current(stored, moduleId, version, now);
        return ranFor <= TimeSpan.Zero ? current : current with { CleanRunTime = current.CleanRunTime + ranFor };
    }

    /// <summary>
    /// Counts a fault. With an unknown version (a reporter that cannot tell, e.g. the supervisor without discovery) the
    /// fault counts against the stored record, whatever its version: losing trust by mistake is the safe error.
    /// </summary>
    public static TrustRecord Fault(TrustRecord? stored, string moduleId, string? version, DateTimeOffset now)
    {
        var current = IsKnownVersion(version) ? Current(stored, moduleId, version!, now)
            : stored ?? TrustRecord.Fresh(moduleId, "?", now);
        return current with { Faults = current.Faults == int.MaxValue ? int.MaxValue : current.Faults + 1, LastFault = now };
    }

    public static bool IsKnownVersion(string? version) => version is { Length: > 0 } v && v != "?" && v != "unknown";
}
