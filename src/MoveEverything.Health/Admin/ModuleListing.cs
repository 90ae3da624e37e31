using MoveEverything.Health.States;

namespace MoveEverything.Health.Admin;

/// <summary>One row of `mev modules list`: the persisted view of a module (no process is asked).</summary>
public sealed record ModuleListing(
    string Id,
    ModuleState State,
    string Reason,
    int Strikes,
    bool Installed,
    IReadOnlyList<string> UnsafeCapabilities,
    IReadOnlyList<string> Granted,
    CrashFingerprint? LastFault);
