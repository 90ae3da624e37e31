using MoveEverything.Health.States;

namespace MoveEverything.Health;

/// <summary>
/// The outcome of a registry call: the module's status afterwards, why the call was refused (an illegal
/// transition, in English), and whether persisting failed (the in-memory state is applied either way).
/// </summary>
public sealed record RegistryResult(ModuleStatus Status, string? Rejected = null, string? PersistError = null)
{
    public bool Ok => Rejected is null && PersistError is null;
}
