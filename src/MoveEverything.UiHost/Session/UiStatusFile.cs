using System.Text.Json;
using MoveEverything.Health;
using MoveEverything.Health.Admin;
using MoveEverything.Health.States;
using MoveEverything.Storage;

namespace MoveEverything.UiHost.Session;

/// <summary>
/// Rewrites one small JSON file (AtomicFile, so a reader never sees half of it) whenever the UI host's view or a
/// module's health state changes: <c>{"view":"menu"|"module","module":ID|null,"pid":N,"modules":[{"id","state","error"}]}</c>.
/// The supervisor (`mev sim`) reads it for the summary; nothing in the UI host reads it back.
/// Invariant: "view" is "module" exactly while a module session is active.
/// </summary>
public sealed class UiStatusFile(string path, UiHostLoop loop, ModuleHealthRegistry registry)
{
    private readonly object _gate = new();

    /// <summary>Writes the file now and after every registry change (module start, stop, fault).</summary>
    public void Attach()
    {
        registry.StateChanged += _ => Write();
        Write();
    }

    public void Write()
    {
        var active = loop.Active?.Launch.Id;
        var modules = registry.Snapshot().Select(s => new Dictionary<string, object?>
        {
            ["id"] = s.ModuleId,
            ["state"] = ModuleStateNames.Json(s.State),
            ["error"] = s.State is ModuleState.Stopped or ModuleState.Running or ModuleState.Loading ? null : s.LastFault?.Cause ?? s.Reason,
        }).ToList();
        var json = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["view"] = active is null ? "menu" : "module",
            ["module"] = active,
            ["pid"] = Environment.ProcessId,
            ["modules"] = modules,
        });
        lock (_gate) AtomicFile.WriteAllText(path, json);
    }
}
