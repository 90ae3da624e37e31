using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;
using MoveEverything.Storage;

namespace MoveEverything.Health.Consent;

/// <summary>Consent grants in <see cref="HealthFiles.Consent"/>, safe against kill -9 (AtomicFile + FileLock).</summary>
public sealed class ConsentStore(string path, TimeProvider clock) : IConsentStore
{
    public const string Format = "mev-consent";
    private readonly JsonLinesStateFile<ConsentGrant> _file = new(path, Format, HealthFiles.FormatVersion, new ConsentCodec());

    public ConsentStore(DataPaths paths, TimeProvider clock) : this(HealthFiles.Consent(paths), clock) { }

    public string Path => _file.Path;

    public StateLoad<ConsentGrant> LoadAll() => _file.Load();

    public IReadOnlyList<ConsentGrant> GrantsOf(string moduleId) => LoadAll().Entries.Where(g => g.ModuleId == moduleId).ToList();

    public PersistResult Grant(string moduleId, IEnumerable<string> capabilities, string moduleVersion)
    {
        var now = clock.GetUtcNow();
        var added = capabilities.Distinct(StringComparer.Ordinal).Select(c => new ConsentGrant(moduleId, c, moduleVersion, now)).ToList();
        return _file.Update(entries =>
            entries.Where(e => !added.Any(a => a.ModuleId == e.ModuleId && a.Capability == e.Capability)).Concat(added).ToList(), out _);
    }

    public PersistResult Revoke(string moduleId, string capability) =>
        _file.Update(entries => entries.Where(e => !(e.ModuleId == moduleId && e.Capability == capability)).ToList(), out _);
}
