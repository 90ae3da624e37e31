using MoveEverything.Health.Records;

namespace MoveEverything.Health.Persistence;

/// <summary>Durable home of the <see cref="HostStartRecord"/>. Save returns only after the data is on disk.</summary>
public interface IHostStartStore
{
    HostStartRecord Load();
    PersistResult Save(HostStartRecord record);
}
