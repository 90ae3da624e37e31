using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>
/// Durable home of every <see cref="ModuleHealthRecord"/>. Contract (tested against both implementations):
/// <see cref="Update"/> returns only after the change is durable; a record left empty by a change is
/// removed; <see cref="LoadAll"/> never throws and returns every readable record.
/// </summary>
public interface IModuleHealthStore
{
    StateLoad<ModuleHealthRecord> LoadAll();

    /// <summary>Applies <paramref name="change"/> (pure) to the latest stored record of the module.</summary>
    PersistResult Update(string moduleId, Func<ModuleHealthRecord, ModuleHealthRecord> change, out ModuleHealthRecord after);
}
