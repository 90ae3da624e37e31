namespace MoveEverything.Health.Records;

/// <summary>
/// A module's record for the trust decision (<see cref="Trust.TrustPolicy"/>), counted for one module version:
/// loads that succeeded, run time without a fault, and faults (crash, hang, bypass, script fault), all since the
/// module was installed at <see cref="ModuleVersion"/> or last updated to it. Invariant: counters are never
/// negative; a record for another version than the installed one counts for nothing (the ledger resets it).
/// </summary>
/// <param name="ModuleVersion">The version the counters count for ("1.2.0").</param>
/// <param name="CleanLoads">Loads of this version that succeeded.</param>
/// <param name="CleanRunTime">Run time of this version that ended without a fault.</param>
/// <param name="Faults">Faults of this version.</param>
/// <param name="Since">When counting for this version began (install or update seen).</param>
/// <param name="LastFault">Time of the last fault, null when none.</param>
public sealed record TrustRecord(
    string ModuleId, string ModuleVersion, int CleanLoads, TimeSpan CleanRunTime, int Faults, DateTimeOffset Since,
    DateTimeOffset? LastFault = null)
{
    /// <summary>A module seen for the first time at <paramref name="version"/>: nothing counted yet.</summary>
    public static TrustRecord Fresh(string moduleId, string version, DateTimeOffset since) => new(moduleId, version, 0, TimeSpan.Zero, 0, since);
}
