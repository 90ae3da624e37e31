namespace MoveEverything.Engine.Isolation;

/// <summary>
/// What the host knows about a module's record, to decide whether it is trusted (<see cref="IsolationPolicy"/>).
/// The Health layer fills it from the persisted record; the engine never reads files itself.
/// </summary>
/// <param name="IsBuiltIn">Shipped with the host (modules/ built from native/): always trusted.</param>
/// <param name="CleanLoads">Loads since install or last update that ended without a fault.</param>
/// <param name="CleanRunTime">Run time since install or last update without a fault.</param>
/// <param name="FaultsSinceUpdate">Crashes, hangs or bypasses since install or last update.</param>
public sealed record ModuleTrust(bool IsBuiltIn, int CleanLoads, TimeSpan CleanRunTime, int FaultsSinceUpdate)
{
    /// <summary>A module the host has never seen: on probation.</summary>
    public static ModuleTrust New { get; } = new(false, 0, TimeSpan.Zero, 0);
    /// <summary>A built-in module.</summary>
    public static ModuleTrust BuiltIn { get; } = new(true, 0, TimeSpan.Zero, 0);
}
