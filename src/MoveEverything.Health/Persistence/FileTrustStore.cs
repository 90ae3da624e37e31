using MoveEverything.Health.Records;
using MoveEverything.Storage;

namespace MoveEverything.Health.Persistence;

/// <summary>The trust records in <see cref="HealthFiles.Trust"/>, safe against kill -9 (AtomicFile, locked read-modify-write).</summary>
public sealed class FileTrustStore(string path) : ITrustStore
{
    public const string Format = "mev-module-trust";
    private readonly JsonLinesStateFile<TrustRecord> _file = new(path, Format, HealthFiles.FormatVersion, new TrustCodec());

    public FileTrustStore(DataPaths paths) : this(HealthFiles.Trust(paths)) { }

    public string Path => _file.Path;

    public StateLoad<TrustRecord> LoadAll() => _file.Load();

    public PersistResult Update(string moduleId, Func<TrustRecord?, TrustRecord> change, out TrustRecord after)
    {
        TrustRecord? changed = null;
        var result = _file.Update(entries =>
        {
            changed = change(entries.FirstOrDefault(e => e.ModuleId == moduleId));
            return entries.Where(e => e.ModuleId != moduleId).Append(changed).ToList();
        }, out _);
        after = changed ?? change(null);
        return result;
    }
}
