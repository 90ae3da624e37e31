using MoveEverything.Ipc;
using MoveEverything.Modules.Discovery;

namespace MoveEverything.Simulator.Headless;

/// <summary>What a headless run does; the CLI maps `mev sim --headless` options onto this.</summary>
public sealed record HeadlessOptions
{
    /// <summary>Run length in seconds of engine time (wall clock with the free-running transport). Default 5.</summary>
    public double Seconds { get; init; } = 5;

    /// <summary>Folder holding modules as <c>&lt;id&gt;/dsp.so</c>; ids given with <see cref="Slots"/> resolve there.</summary>
    public string? ModulesDir { get; init; }

    /// <summary>Slot (1–4) → module id to load in its generator position.</summary>
    public IReadOnlyDictionary<int, string> Slots { get; init; } = new Dictionary<int, string>();

    public Scenario Scenario { get; init; } = Scenario.Empty;

    /// <summary>
    /// Drive the engine through a simulated Move on a shared-memory link (default true): scenario events are
    /// pressed on the device and reach the engine in MIDI IN. False: the engine free-runs and events arrive as
    /// InjectInput commands over the control channel.
    /// </summary>
    public bool SimulatedMove { get; init; } = true;

    /// <summary>Ask the engine for SCHED_FIFO. Default true (falls back with a flag when refused).</summary>
    public bool Realtime { get; init; } = true;

    /// <summary>How often the runner samples the status block for peaks, in ms. Default 10.</summary>
    public int SampleMs { get; init; } = 10;

    /// <summary>Time allowed for the engine's first heartbeat, in seconds. Default 30.</summary>
    public double StartTimeoutSeconds { get; init; } = 30;

    /// <summary>Run the UI host child (system menu, module UIs) against the engine. Default true; false keeps the
    /// engine's built-in pad demo and no menu (`--no-ui`, for benchmarks).</summary>
    public bool UiHost { get; init; } = true;

    /// <summary>Overtake/tool module the UI host opens at start (`--open`). Null: the menu.</summary>
    public string? Open { get; init; }

    /// <summary>Module roots for the UI host. Empty: its defaults (data modules, beside the executable, ./modules).</summary>
    public IReadOnlyList<string> UiModuleRoots { get; init; } = [];

    /// <summary>State root of the UI host (health registry, module data). Null: a fresh temporary folder per run,
    /// deleted afterwards, so strikes of one run never disable modules in the next.</summary>
    public string? DataRoot { get; init; }

    /// <summary>Time allowed for the UI host to attach before the scenario starts, in seconds. Default 30.</summary>
    public double UiAttachTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// Plugin path for a module id: <c>builtin-x</c> → <c>builtin:x</c>; <c>ModulesDir/&lt;id&gt;/dsp.so</c> when that file
    /// exists; else the DSP file its manifest names, for a module found in ModulesDir or among the built-in modules
    /// shipped beside the CLI (so <c>--slot 1=mev-synth</c> works without a modules folder). An id found nowhere keeps
    /// the first form, and the engine refuses it with "plugin file not found".
    /// </summary>
    public string ResolvePath(string moduleId)
    {
        if (ChainLoad.BuiltinPathOf(moduleId) is { } builtin) return builtin;
        string direct = Path.Combine(ModulesDir ?? ".", moduleId, "dsp.so");
        if (File.Exists(direct)) return direct;
        string shipped = Path.Combine(AppContext.BaseDirectory, "modules");
        var found = ModuleDiscovery.Discover(new DiscoveryOptions
        {
            UserModulesRoot = ModulesDir ?? shipped, BuiltinModulesRoot = ModulesDir == null ? null : shipped,
        }).Find(moduleId);
        return found is { Manifest.Dsp.Length: > 0 } ? Path.Combine(found.Folder, found.Manifest.Dsp) : direct;
    }

    /// <summary>Which native modules the engine runs in DSP worker processes: "all", "untrusted", "none"; null = the engine's default (none).</summary>
    public string? Isolate { get; init; }
}
