using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>In-memory twin of <see cref="FileModuleHealthStore"/> for tests; <see cref="FailWrites"/> simulates a full disk.</summary>
public sealed class InMemoryModuleHealthStore : IModuleHealthStore
{
    private readonly Dictionary<string, ModuleHealthRecord> _records = new(StringComparer.Ordinal);
    public bool FailWrites { get; set; }

    public StateLoad<ModuleHealthRecord> LoadAll()
    {
        lock (_records) return new(_records.Values.ToList(), []);
    }

    public PersistResult Update(string moduleId, Func<ModuleHealthRecord, ModuleHealthRecord> change, out ModuleHealthRecord after)
    {
        lock (_records)
        {
            after = change(_records.GetValueOrDefault(moduleId) ?? ModuleHealthRecord.Empty(moduleId));
            if (FailWrites) return PersistResult.Failed("simulated write failure");
            if (after.IsEmpty) _records.Remove(moduleId); else _records[moduleId] = after;
            return PersistResult.Success;
        }
    }
}
