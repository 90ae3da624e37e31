using Microsoft.Extensions.Logging;
using MoveEverything.Health;
using MoveEverything.Health.Admin;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Discovery;
using MoveEverything.Storage;

namespace MoveEverything.UiHost.Menu;

/// <summary>
/// The menu's removal through <see cref="ModuleAdministration.Remove"/> on the persisted state under
/// <paramref name="data"/>, exactly what <c>mev modules remove</c> runs (crash-safe trash, state cleared, built-ins
/// refused). Afterwards the host's live <paramref name="registry"/> re-reads the files so the menu shows the result.
/// Creating it finishes removals a crash interrupted (this is the UI host's start).
/// </summary>
public sealed class AdministrationRemover : IModuleRemover
{
    private readonly DataPaths _data;
    private readonly Func<CatalogEntry, bool> _isBuiltIn;
    private readonly ModuleHealthRegistry? _registry;
    private readonly ILogger _log;

    public AdministrationRemover(DataPaths data, Func<CatalogEntry, bool> isBuiltIn, ModuleHealthRegistry? registry, ILogger log)
    {
        (_data, _isBuiltIn, _registry, _log) = (data, isBuiltIn, registry, log);
        var installed = FixedInstalledModules.From(ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = data.Modules }));
        FinishedAtStart = new ModuleAdministration(data, installed, TimeProvider.System).FinishedRemovals;
        foreach (var line in FinishedAtStart) log.LogWarning("modules: {Repair}", line);
        if (FinishedAtStart.Count > 0) registry?.Refresh();
    }

    /// <summary>Removals a crash had interrupted, finished when this remover was created.</summary>
    public IReadOnlyList<string> FinishedAtStart { get; }

    public RemovalOutcome Remove(CatalogEntry entry, IReadOnlyList<CatalogEntry> installed)
    {
        var modules = installed.Append(entry).DistinctBy(e => e.Id).Select(e =>
            new InstalledModule(e.Id, e.Manifest.Version, CapabilityResolver.Resolve(e.Manifest).Required, _isBuiltIn(e), e.OwnFolder)).ToList();
        var result = new ModuleAdministration(_data, new FixedInstalledModules(modules), TimeProvider.System).Remove(entry.Id);
        _registry?.Refresh();
        if (result.Ok) _log.LogInformation("{Module} removed from the menu: {Message}", entry.Id, result.Message);
        else _log.LogWarning("{Module} not removed: {Message} ({Error})", entry.Id, result.Message, result.Error);
        return new RemovalOutcome(result.Ok, result.Message);
    }
}
