using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>In-memory twin of the host-start file for tests; <see cref="FailWrites"/> simulates a full disk.</summary>
public sealed class InMemoryHostStartStore : IHostStartStore
{
    private HostStartRecord _record = HostStartRecord.Fresh;
    public bool FailWrites { get; set; }
    public HostStartRecord Load() => _record;

    public PersistResult Save(HostStartRecord record)
    {
        if (FailWrites) return PersistResult.Failed("simulated write failure");
        _record = record;
        return PersistResult.Success;
    }
}
