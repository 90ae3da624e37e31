using MoveEverything.Health.Records;
using MoveEverything.Storage;

namespace MoveEverything.Health.Persistence;

/// <summary>The host-start counters in <see cref="HealthFiles.HostStarts"/>, safe against kill -9.</summary>
public sealed class FileHostStartStore(string path) : IHostStartStore
{
    public const string Format = "mev-host-starts";
    private readonly JsonLinesStateFile<HostStartRecord> _file = new(path, Format, HealthFiles.FormatVersion, new HostStartCodec());

    public FileHostStartStore(DataPaths paths) : this(HealthFiles.HostStarts(paths)) { }

    /// <summary>Notes from the last <see cref="Load"/> (a damaged file is repaired, never fatal).</summary>
    public IReadOnlyList<RepairNote> LastNotes { get; private set; } = [];

    public HostStartRecord Load()
    {
        var load = _file.Load();
        LastNotes = load.Notes;
        return load.Entries.LastOrDefault() ?? HostStartRecord.Fresh;
    }

    public PersistResult Save(HostStartRecord record) => _file.Update(_ => [record], out _);
}
