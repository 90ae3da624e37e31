using MoveEverything.Boot.Health;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Decision;

/// <summary>Everything the decision depends on, read from disk and hardware by <see cref="BootSequence"/>.</summary>
public sealed record BootInputs(
    DateTimeOffset Now,
    InstallJournal? Journal,
    bool StockBackupPresent,
    IReadOnlySet<MoveKey> HeldKeys,
    string? SafeModeFlagReason,
    BootState State,
    HealthMark? Health,
    HostPointer Pointer,
    Func<string, bool> HostBootable);
