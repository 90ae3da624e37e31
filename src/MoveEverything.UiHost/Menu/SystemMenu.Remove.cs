namespace MoveEverything.UiHost.Menu;

/// <summary>
/// "Remove": offered on every module page, on the refusal screen and in Settings → "Remove a module" (which also
/// lists third-party modules in host safe mode), so removal works whatever the verdict (issue 6). Always confirmed
/// first; the outcome (what was cleared, or why not, e.g. a built-in) is shown on its own page.
/// </summary>
public sealed partial class SystemMenu
{
    /// <summary>Carries out removals; null = the menu offers no "Remove" (no persisted state to change).</summary>
    public IModuleRemover? Remover { get; set; }

    private IEnumerable<MenuItem> RemoveItem(CatalogEntry entry) =>
        Remover is null ? [] : [new MenuItem("Remove", () => Open(ConfirmRemovePage(entry)))];

    private MenuPage ConfirmRemovePage(CatalogEntry entry) => new($"Remove {entry.Manifest.Name}?", () =>
    [
        .. Lines($"Deletes {entry.Manifest.Name} {entry.Manifest.Version} and forgets its on/off setting, strikes and permissions."),
        new MenuItem("Remove", () => RemoveNow(entry)),
        new MenuItem("Cancel", () => { Back(); return null; }),
    ]);

    /// <summary>Every module of the catalog, built-ins included (their removal is refused with the reason).</summary>
    private MenuPage RemoveListPage() => new("Remove a module", () =>
    {
        var items = _catalog.Modules.Select(m => new MenuItem(m.Manifest.Name, () => Open(ConfirmRemovePage(m)), _states.Describe(m.Id).Label)).ToList();
        if (items.Count == 0) items.Add(new MenuItem("(no modules)"));
        return items;
    });

    /// <summary>
    /// Removes, then shows the outcome. When removed, the menu returns to the top (the module's pages are gone) and,
    /// if the module sat in a slot, the host is asked to clear that slot.
    /// </summary>
    private MenuCommand? RemoveNow(CatalogEntry entry)
    {
        var outcome = Remover!.Remove(entry, _catalog.Modules);
        var title = outcome.Removed ? $"Removed: {entry.Manifest.Name}" : $"Not removed: {entry.Manifest.Name}";
        if (outcome.Removed)
        {
            _catalog.Refresh();
            ShowRoot();
        }
        else Back();
        Push(new MenuPage(title, () => [.. Lines(outcome.Message), new MenuItem("Back", () => { Back(); return null; })]));
        if (!outcome.Removed) return null;
        var slot = Enumerable.Range(0, Link.DspTarget.SlotCount)
            .SelectMany(s => Slots.InSlot(s)).FirstOrDefault(a => a.Entry.Id == entry.Id);
        return slot.Entry is null ? null : new MenuCommand.ClearSlot(slot.Target.Slot, slot.Target.Component);
    }
}
