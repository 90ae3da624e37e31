using MoveEverything.Hardware;
using MoveEverything.Modules.Manifests;
using MoveEverything.UiHost.Display;
using MoveEverything.UiHost.Gate;
using MoveEverything.UiHost.Input;
using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Menu;

/// <summary>
/// The trusted system menu, in C# (no module code runs here): Modules by category → module page (name,
/// version, state; Open for overtake/tool, "Load into slot N" for sound generators and effects, Remove), Slots →
/// the modules in each slot (open their editor, clear), and Settings. Jog turn moves, jog click selects,
/// Back goes up one page. Invariant: the page stack is never empty.
/// </summary>
public sealed partial class SystemMenu
{
    private static readonly (ComponentKind Kind, string Title)[] Categories =
    [
        (ComponentKind.SoundGenerator, "Sound generators"), (ComponentKind.AudioFx, "Audio FX"), (ComponentKind.MidiFx, "MIDI FX"),
        (ComponentKind.Overtake, "Overtake"), (ComponentKind.Tool, "Tools"), (ComponentKind.Utility, "Utilities"), (ComponentKind.Other, "Other"),
    ];

    private readonly IModuleCatalog _catalog;
    private readonly IModuleStateProvider _states;
    private readonly UiHostOptions _options;
    private readonly IModuleLoadGate _gate;
    private readonly Stack<MenuPage> _pages = new();

    /// <param name="gate">Load-time gate (default: <see cref="OpenLoadGate"/>); in host safe mode the first page is the safe-mode screen.</param>
    /// <param name="safeModeChoice">Carries out a safe-mode choice (Boot's SafeModeActions); null = choices only log.</param>
    public SystemMenu(IModuleCatalog catalog, IModuleStateProvider states, UiHostOptions options,
        IModuleLoadGate? gate = null, Func<Boot.SafeMode.SafeModeChoice, Boot.SafeMode.SafeModeActionResult>? safeModeChoice = null)
    {
        _catalog = catalog;
        _states = states;
        _options = options;
        _gate = gate ?? OpenLoadGate.Instance;
        _safeModeChoice = safeModeChoice;
        Push(RootPage());
        if (_gate.SafeMode.IsHostSafeMode) Push(SafeModePage());
    }

    public SlotTable Slots { get; } = new();
    public MenuPage Current => _pages.Peek();
    public int Depth => _pages.Count;

    /// <summary>Handles one (batched) input event; returns a command for the host, or null.</summary>
    public MenuCommand? Handle(InputEvent e)
    {
        if (!e.IsInternal || !e.IsControlChange) return null;
        if (e.Data2 > 0) Notice = null;
        switch (e.Data1)
        {
            case ControlMap.JogCc:
                Current.Move(e.Data2 is >= 1 and <= 63 ? e.Data2 : e.Data2 >= 65 ? e.Data2 - 128 : 0);
                return null;
            case ControlMap.JogClickCc when e.Data2 > 0:
                return Current.Items.Count > Current.Selected ? Current.Items[Current.Selected].Select?.Invoke() : null;
            case ControlMap.BackCc when e.Data2 > 0:
                if (_pages.Count > 1) { _pages.Pop(); Current.Build(); }
                return null;
        }
        return null;
    }

    public void Render(Canvas canvas, string? toast) => MenuRenderer.Draw(canvas, Current, toast ?? Notice);

    /// <summary>Goes back to the top page and rebuilds it (after leaving a module).</summary>
    public void ShowRoot()
    {
        while (_pages.Count > 1) _pages.Pop();
        Current.Build();
    }

    /// <summary>Rebuilds the visible page (module states or slots changed).</summary>
    public void Refresh() => Current.Build();

    private void Push(MenuPage page)
    {
        page.Build();
        _pages.Push(page);
    }

    private MenuCommand? Open(MenuPage page)
    {
        Push(page);
        return null;
    }

    private MenuPage RootPage() => new("Move Everything", () =>
        [
            .. Categories.Select(c => new MenuItem(c.Title, () => Open(CategoryPage(c.Kind, c.Title)), InCategory(c.Kind).Count().ToString())),
            new MenuItem("Slots", () => Open(SlotsPage())),
            new MenuItem("Settings", () => Open(SettingsPage())),
        ]);

    private IEnumerable<CatalogEntry> InCategory(ComponentKind kind) =>
        _catalog.Modules.Where(m => CategoryOf(m.Manifest.Kind) == kind && _gate.IsOffered(m));

    private static ComponentKind CategoryOf(ComponentKind kind) =>
        Categories.Any(c => c.Kind == kind) ? kind : ComponentKind.Other;

    private MenuPage CategoryPage(ComponentKind kind, string title) => new(title, () =>
        InCategory(kind).Select(m => new MenuItem(m.Manifest.Name, () => Open(ModulePage(m)), _states.Describe(m.Id).Label)).ToList());

    private MenuPage ModulePage(CatalogEntry m) => new(m.Manifest.Name, () =>
    {
        var verdict = _gate.Check(m); // records Refused / AwaitingConsent before the state is read
        var state = _states.Describe(m.Id);
        var items = new List<MenuItem> { new("Version", Detail: m.Manifest.Version), new("State", Detail: state.Label) };
        if (state.Reason is not null) items.AddRange(Lines(state.Reason));
        if (verdict is LoadVerdict.NeedsConsent needs)
            items.Add(new MenuItem("Review permissions", () => { ShowConsent(m, needs, null); return null; }));
        if (!state.MayOpen || verdict is not LoadVerdict.Allowed) return [.. items, .. RemoveItem(m)];
        if (m.Manifest.Kind is ComponentKind.Overtake or ComponentKind.Tool)
            items.Add(new MenuItem("Open", () => new MenuCommand.Open(m, LaunchKind.Overtake, 0)));
        else if (ComponentFor(m.Manifest.Kind) is not null)
            for (var slot = 0; slot < DspTarget.SlotCount; slot++)
            {
                var s = slot;
                items.Add(new MenuItem($"Load into slot {s + 1}", () => new MenuCommand.AssignSlot(m, s)));
            }
        return [.. items, .. RemoveItem(m)];
    });

    private MenuPage SlotsPage() => new("Slots", () =>
        Enumerable.Range(0, DspTarget.SlotCount).Select(slot =>
            new MenuItem($"Slot {slot + 1}", () => Open(SlotPage(slot)),
                Slots.InSlot(slot).FirstOrDefault().Entry?.Manifest.Name ?? "empty")).ToList());

    private MenuPage SlotPage(int slot) => new($"Slot {slot + 1}", () =>
    {
        var items = new List<MenuItem>();
        foreach (var (target, entry) in Slots.InSlot(slot))
        {
            items.Add(new MenuItem($"Edit {entry.Manifest.Name}", () => new MenuCommand.Open(entry, LaunchKind.ComponentEditor, slot), target.Component.ToString()));
            items.Add(new MenuItem($"Remove {entry.Manifest.Name}", () => new MenuCommand.ClearSlot(slot, target.Component)));
        }
        if (items.Count == 0) items.Add(new MenuItem("(empty)"));
        return items;
    });

    private MenuPage SettingsPage() => new("Settings", () =>
        [
            new MenuItem("Rescan modules", () => { _catalog.Refresh(); return null; }, $"{_catalog.Modules.Count}"),
            .. Remover is null ? [] : new[] { new MenuItem("Remove a module", () => Open(RemoveListPage())) },
            new MenuItem("UI tick rate", Detail: $"{_options.TickHz} Hz"),
            new MenuItem("Tick budget", Detail: $"{_options.Script.Tick.TotalMilliseconds:0} ms"),
            new MenuItem("Init budget", Detail: $"{_options.Script.Init.TotalMilliseconds:0} ms"),
            new MenuItem("Escape", Detail: "Shift+Vol+Jog"),
        ]);

    /// <summary>Slot component a module kind goes into, or null for kinds that do not go into slots.</summary>
    public static DspComponent? ComponentFor(ComponentKind kind) => kind switch
    {
        ComponentKind.SoundGenerator => DspComponent.SoundGenerator,
        ComponentKind.AudioFx => DspComponent.AudioFx,
        ComponentKind.MidiFx => DspComponent.MidiFx,
        _ => null,
    };
}
