using MoveEverything.Health;
using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Trust;
using MoveEverything.Modules.Compatibility;
using MoveEverything.UiHost.Gate;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Tests.Gate;

/// <summary>A <see cref="LoopHarness"/> with a real <see cref="ModuleLoadGate"/>, registry and consent store in memory.</summary>
public sealed class GateHarness : IDisposable
{
    public GateHarness(UiSafeMode? safeMode = null)
    {
        Loop = new LoopHarness();
        BuiltInRoot = Path.Combine(Loop.Root, "builtin");
        Directory.CreateDirectory(BuiltInRoot);
        Registry = new ModuleHealthRegistry(new InMemoryModuleHealthStore(), HealthPolicy.Default, TimeProvider.System);
        Consent = new InMemoryConsentStore(TimeProvider.System);
        Trust = new TrustBook(new InMemoryTrustStore(), HealthPolicy.Default, TimeProvider.System);
        Bridge = new HealthRegistryBridge(Registry, "test", Trust);
        Gate = new ModuleLoadGate(HostIdentity.Current, CompatibilityPolicy.Current, Consent, Registry, [BuiltInRoot],
            safeMode ?? UiSafeMode.Normal, Loop.Log, Trust);
        Catalog = new FolderModuleCatalog(Loop.ModulesRoot, BuiltInRoot);
    }

    public LoopHarness Loop { get; }
    public string BuiltInRoot { get; }
    public ModuleHealthRegistry Registry { get; }
    public InMemoryConsentStore Consent { get; }
    public TrustBook Trust { get; }
    public HealthRegistryBridge Bridge { get; }
    public ModuleLoadGate Gate { get; }
    public FolderModuleCatalog Catalog { get; }
    public UiHostLoop? Host { get; private set; }

    /// <summary>A module whose ui.js sets globalThis.started = true in init (so a started session is visible).</summary>
    public string Add(string id, string extraJson = "", string componentType = "overtake", string category = "overtake") =>
        Loop.AddModule(id, componentType, "globalThis.init = () => {};", """, "capabilities": { "skip_led_clear": true }""" + extraJson, category);

    public string AddBuiltIn(string id, string extraJson = "")
    {
        var folder = Path.Combine(BuiltInRoot, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"),
            $$"""{ "id": "{{id}}", "name": "{{id}} name", "version": "1.0.0", "component_type": "overtake", "capabilities": { "skip_led_clear": true }{{extraJson}} }""");
        File.WriteAllText(Path.Combine(folder, "ui.js"), "globalThis.init = () => {};");
        return folder;
    }

    public UiHostLoop Start(Func<Boot.SafeMode.SafeModeChoice, Boot.SafeMode.SafeModeActionResult>? safeModeChoice = null)
    {
        Host = new UiHostLoop(Loop.Options, Loop.Link, Catalog, Bridge, Bridge, Loop.Log, Loop.DataRoot, Gate, safeModeChoice);
        Host.Start();
        return Host;
    }

    public CatalogEntry Entry(string id) => Catalog.Modules.Single(m => m.Id == id);

    public IReadOnlyList<string> Labels => Host!.Menu.Current.Items.Select(i => i.Label).ToList();

    public string ScreenText => string.Join(" ", Labels);

    /// <summary>Moves the selection to the item labelled <paramref name="label"/> and clicks it.</summary>
    public void Click(string label)
    {
        var page = Host!.Menu.Current;
        var index = page.Items.ToList().FindIndex(i => i.Label == label);
        Assert.True(index >= 0, $"no item '{label}' on '{page.Title}': {ScreenText}");
        page.Move(index - page.Selected);
        if (page.Items[page.Selected].Select?.Invoke() is { } command) Host.Execute(command);
    }

    public void Dispose() => Loop.Dispose();
}
