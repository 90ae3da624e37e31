using MoveEverything.Health.Records;
using MoveEverything.Storage;

namespace MoveEverything.Health.Persistence;

/// <summary>The disable list and strikes in <see cref="HealthFiles.Modules"/>, safe against kill -9.</summary>
public sealed class FileModuleHealthStore(string path) : IModuleHealthStore
{
    public const string Format = "mev-module-health";
    private readonly JsonLinesStateFile<ModuleHealthRecord> _file = new(path, Format, HealthFiles.FormatVersion, new ModuleHealthCodec());

    public FileModuleHealthStore(DataPaths paths) : this(HealthFiles.Modules(paths)) { }

    public string Path => _file.Path;

    public StateLoad<ModuleHealthRecord> LoadAll() => _file.Load();

    public PersistResult Update(string moduleId, Func<ModuleHealthRecord, ModuleHealthRecord> change, out ModuleHealthRecord after)
    {
        ModuleHealthRecord? changed = null;
        var result = _file.Update(entries =>
        {
            var current = entries.FirstOrDefault(e => e.ModuleId == moduleId) ?? ModuleHealthRecord.Empty(moduleId);
            changed = change(current);
            var others = entries.Where(e => e.ModuleId != moduleId);
            return changed.IsEmpty ? others.ToList() : others.Append(changed).ToList();
        }, out _);
        after = changed ?? ModuleHealthRecord.Empty(moduleId);
        return result;
    }
}
