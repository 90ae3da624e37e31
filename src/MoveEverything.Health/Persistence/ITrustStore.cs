using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>
/// Durable home of every <see cref="TrustRecord"/>. Contract (tested against both implementations): <see cref="Update"/>
/// returns only after the change is durable (or with a typed failure); <see cref="LoadAll"/> never throws and returns
/// every readable record.
/// </summary>
public interface ITrustStore
{
    StateLoad<TrustRecord> LoadAll();

    /// <summary>Applies <paramref name="change"/> (pure) to the stored record of the module (null when none).</summary>
    PersistResult Update(string moduleId, Func<TrustRecord?, TrustRecord> change, out TrustRecord after);
}
