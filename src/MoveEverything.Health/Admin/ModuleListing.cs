using MoveEverything.Health.States;

namespace MoveEverything.Health.Admin;

/// <summary>One row of `mev modules list`: the persisted view of a module (no process is asked).
/// <see cref="ReasonCode"/> is the typed refusal code when <see cref="State"/> is Refused; <see cref="Pending"/> the
/// unsafe capabilities still waiting for the user's OK when it is AwaitingConsent.
/// <see cref="Placement"/> is where its native DSP runs by default (isolated or in-process) and the trust reason;
/// null for a module that is not installed.</summary>
public sealed record ModuleListing(
    string Id,
    ModuleState State,
    string Reason,
    int Strikes,
    bool Installed,
    IReadOnlyList<string> UnsafeCapabilities,
    IReadOnlyList<string> Granted,
    CrashFingerprint? LastFault,
    string? ReasonCode = null,
    IReadOnlyList<string>? Pending = null,
    Trust.ModulePlacement? Placement = null);
