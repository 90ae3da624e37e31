using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>In-memory twin of <see cref="FileTrustStore"/> for tests; <see cref="FailWrites"/> simulates a full disk.</summary>
public sealed class InMemoryTrustStore : ITrustStore
{
    private readonly Dictionary<string, TrustRecord> _records = new(StringComparer.Ordinal);
    public bool FailWrites { get; set; }

    public StateLoad<TrustRecord> LoadAll()
    {
        lock (_records) return new(_records.Values.ToList(), []);
    }

    public PersistResult Update(string moduleId, Func<TrustRecord?, TrustRecord> change, out TrustRecord after)
    {
        lock (_records)
        {
            after = change(_records.GetValueOrDefault(moduleId));
            if (FailWrites) return PersistResult.Failed("simulated write failure");
            _records[moduleId] = after;
            return PersistResult.Success;
        }
    }
}
