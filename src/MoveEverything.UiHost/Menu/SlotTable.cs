using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Menu;

/// <summary>Which module the menu put into each chain slot component (what the engine confirmed).</summary>
public sealed class SlotTable
{
    private readonly Dictionary<DspTarget, CatalogEntry> _assigned = new();

    public CatalogEntry? Get(DspTarget target) => _assigned.GetValueOrDefault(target);

    public void Set(DspTarget target, CatalogEntry? entry)
    {
        if (entry is null) _assigned.Remove(target);
        else _assigned[target] = entry;
    }

    public IEnumerable<(DspTarget Target, CatalogEntry Entry)> InSlot(int slot) =>
        _assigned.Where(kv => kv.Key.Slot == slot && kv.Key.Component != DspComponent.Overtake)
            .OrderBy(kv => kv.Key.Component).Select(kv => (kv.Key, kv.Value));
}
