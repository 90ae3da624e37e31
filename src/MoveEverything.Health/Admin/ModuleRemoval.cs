using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;
using MoveEverything.Modules.Installation;

namespace MoveEverything.Health.Admin;

/// <summary>
/// Removing a module, whatever its state or verdict (issue 6: "removing a module always works"): the folder goes to
/// the trash in one rename (<see cref="ModuleTrash"/>), then the module's disable mark, strikes and consent are
/// forgotten so a reinstall starts fresh, then the trashed folder is deleted. Order matters for kill -9: the module
/// is gone before its state is touched (a crash never re-enables a disabled module that is still installed), and a
/// trash entry is purged only after its state is forgotten, so <see cref="FinishInterrupted"/> at the next start
/// completes whatever a crash cut short. Built-in modules are refused (they ship with the host; disable them instead).
/// </summary>
internal sealed class ModuleRemoval(IModuleHealthStore health, IConsentStore consent, ModuleHealthRegistry registry, string? modulesRoot)
{
    public AdminResult Remove(string moduleId, InstalledModule? module)
    {
        if (module is null)
        {
            var cleared = Forget(moduleId);
            return cleared.Error is { } e ? AdminResult.Fail(AdminErrorKind.PersistFailed, e)
                : AdminResult.Done($"{moduleId} is not installed; {cleared.Summary}");
        }
        if (module.IsBuiltIn)
            return AdminResult.Fail(AdminErrorKind.BuiltInModule,
                $"{moduleId} ships with the host and cannot be removed; disable it instead (mev modules disable {moduleId})");
        if (module.Folder is null || modulesRoot is null)
            return AdminResult.Fail(AdminErrorKind.RemoveFailed, $"the folder of {moduleId} is not known here; nothing was removed");
        var moved = ModuleTrash.MoveToTrash(module.Folder, modulesRoot, moduleId);
        if (!moved.Moved) return AdminResult.Fail(AdminErrorKind.RemoveFailed, $"{moduleId} was not removed: {moved.Reason}");

        var forgot = Forget(moduleId);
        var purge = ModuleTrash.Purge(moved.TrashEntry!);
        var name = module.Version.Length == 0 ? moduleId : $"{moduleId} {module.Version}"; // no version: module.json unreadable
        var message = $"{name} removed; {forgot.Summary}" + (purge is null ? "" : $"; {purge}");
        return forgot.Error is { } error
            ? AdminResult.Fail(AdminErrorKind.PersistFailed, $"{moduleId} removed, but its state was not cleared: {error}")
            : AdminResult.Done(message);
    }

    /// <summary>
    /// Completes removals a crash interrupted: each trash entry's state is forgotten (unless a module with that id
    /// is installed again: its state is its own now) and the entry deleted. Returns one sentence per entry.
    /// </summary>
    public IReadOnlyList<string> FinishInterrupted(Func<string, bool> isInstalled)
    {
        if (modulesRoot is null) return [];
        var done = new List<string>();
        foreach (var entry in ModuleTrash.Pending(modulesRoot))
        {
            var forgot = entry.ModuleId is { } id && !isInstalled(id) ? Forget(id) : null;
            if (forgot?.Error is not null) continue; // keep the entry: the next start tries again
            var purge = ModuleTrash.Purge(entry.Path);
            done.Add($"finished removing {entry.ModuleId ?? Path.GetFileName(entry.Path)} (interrupted earlier)" +
                (forgot is null ? "" : $"; {forgot.Summary}") + (purge is null ? "" : $"; {purge}"));
        }
        return done;
    }

    /// <summary>Clears the stored disable mark, strikes and consent of one module; says what was there.</summary>
    private Forgotten Forget(string moduleId)
    {
        var before = health.LoadAll().Entries.FirstOrDefault(r => r.ModuleId == moduleId);
        var grants = consent.GrantsOf(moduleId).Select(g => g.Capability).Order(StringComparer.Ordinal).ToList();
        var saved = health.Update(moduleId, _ => ModuleHealthRecord.Empty(moduleId), out _);
        var error = saved.Error;
        foreach (var capability in grants)
            error ??= consent.Revoke(moduleId, capability).Error;
        registry.Refresh();
        return new Forgotten(Describe(before, grants), error);
    }

    private static string Describe(ModuleHealthRecord? record, IReadOnlyList<string> grants)
    {
        var parts = new List<string>();
        if (record?.Disabled is { } mark) parts.Add($"its disable mark ({mark.Reason})");
        if (record is { Strikes.Count: > 0 } r) parts.Add($"{r.Strikes.Count} strike(s)");
        if (grants.Count > 0) parts.Add($"consent to {string.Join(", ", grants)}");
        return parts.Count == 0
            ? "it had no disable mark, strikes or consent to clear; a reinstall starts fresh"
            : $"cleared {string.Join(", ", parts)}, so a reinstall starts fresh";
    }

    private sealed record Forgotten(string Summary, string? Error);
}
