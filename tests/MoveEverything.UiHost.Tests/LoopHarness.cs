using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Menu;
using MoveEverything.UiHost.Session;

namespace MoveEverything.UiHost.Tests;

/// <summary>A modules root on disk, an in-memory engine, and a started <see cref="UiHostLoop"/>.</summary>
public sealed class LoopHarness : IDisposable
{
    public LoopHarness(UiHostOptions? options = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "mev-loop-" + Guid.NewGuid().ToString("N"));
        ModulesRoot = Path.Combine(Root, "modules");
        Directory.CreateDirectory(ModulesRoot);
        Options = options ?? new UiHostOptions
        {
            // Generous time budgets: the machine is shared; faults under test never depend on timing.
            Script = TestBudgets.Generous,
            OvertakeInitDelayTicks = 2,
        };
        Catalog = new FolderModuleCatalog(ModulesRoot);
    }

    public string Root { get; }
    public string ModulesRoot { get; }
    public UiHostOptions Options { get; }
    public FolderModuleCatalog Catalog { get; }
    public InMemoryEngineLink Link { get; } = new();
    public RecordingFaultSink Faults { get; } = new();
    public ListLogger Log { get; } = new();
    public UiHostLoop? Loop { get; private set; }

    public string DataRoot => Path.Combine(Root, "module-data");

    /// <summary>Writes modules/&lt;category&gt;/&lt;id&gt;/module.json (+ ui.js when given).</summary>
    public string AddModule(string id, string componentType, string? uiJs, string extraJson = "", string category = "overtake", string? uiChainJs = null)
    {
        var folder = Path.Combine(ModulesRoot, category, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"),
            $$"""{ "id": "{{id}}", "name": "{{id}} name", "version": "1.2.3", "component_type": "{{componentType}}"{{extraJson}} }""");
        if (uiJs is not null) File.WriteAllText(Path.Combine(folder, "ui.js"), uiJs);
        if (uiChainJs is not null) File.WriteAllText(Path.Combine(folder, "ui_chain.js"), uiChainJs);
        return folder;
    }

    public UiHostLoop Start(IModuleCatalog? catalog = null)
    {
        Loop = new UiHostLoop(Options, Link, catalog ?? Catalog, AlwaysReadyStateProvider.Instance, Faults, Log, DataRoot);
        Loop.Start();
        return Loop;
    }

    public void Press(byte cc) { Link.Inject(InputEvent.Cc(cc, 127)); Link.Inject(InputEvent.Cc(cc, 0)); }

    public void Escape()
    {
        Link.Inject(InputEvent.Cc(49, 127));
        Link.Inject(InputEvent.NoteOn(8, 127));
        Link.Inject(InputEvent.Cc(3, 127));
    }

    public void Ticks(int n) { for (var i = 0; i < n; i++) Loop!.Tick(); }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
