namespace MoveEverything.Health.Persistence;

/// <summary>
/// Notes entries that name modules which are not installed (any more). They are kept, not dropped: a
/// module that is reinstalled must come back disabled if the user disabled it, and consent given once
/// must not be asked for again after a reinstall of the same version.
/// </summary>
public static class UnknownModuleCheck
{
    public static IReadOnlyList<RepairNote> Notes(string file, IEnumerable<string> moduleIds, Func<string, bool> isInstalled) =>
        moduleIds.Distinct(StringComparer.Ordinal).Where(id => !isInstalled(id)).Order(StringComparer.Ordinal)
            .Select(id => new RepairNote(RepairKind.UnknownModule, file, null,
                $"names \"{id}\", which is not installed; kept in case it comes back"))
            .ToList();
}
