using Jint;
using Jint.Native;
using Jint.Native.Object;
using MoveEverything.UiHost.HostApi;

namespace MoveEverything.UiHost.Scripting;

/// <summary>
/// One loaded module's script: its own Jint engine (nothing shared between modules), ui.js evaluated as an
/// ES module after the host functions are on globalThis, and the callbacks of schwung-spec.md §3.2.
/// Every call goes through <see cref="ScriptBoundary"/> and returns null or a <see cref="ScriptFault"/>.
/// Invariants: calls are made from one thread (the UI loop); <see cref="Cancel"/> may be called from any
/// thread and stops the running call at its next statement; after a fault the runtime must not be used again
/// except for <see cref="Unload"/>.
/// </summary>
public sealed class ModuleRuntime
{
    private readonly ScriptModuleSpec _spec;
    private readonly ScriptDeadline _deadline = new();
    private readonly ScriptBoundary _boundary;
    private readonly Engine _engine;
    private readonly ModuleImportLoader _loader;
    private readonly ScriptBudgets _budgets;
    private readonly HashSet<ScriptPhase> _warmed = [];
    private bool _loaded;

    /// <param name="granted">Unsafe capabilities granted to this module: a host function that
    /// <see cref="Modules.Capabilities.CapabilitySurfaces"/> gates is installed only when its capability is in this set.</param>
    public ModuleRuntime(ScriptModuleSpec spec, ScriptBudgets budgets, IEnumerable<IHostApi> hostApis, SharedLibrary? shared = null,
        Modules.Capabilities.CapabilitySet granted = default)
    {
        _spec = spec;
        _budgets = budgets;
        _boundary = new ScriptBoundary(_deadline, budgets);
        _loader = new ModuleImportLoader(spec.Folder, shared ?? SharedLibrary.Embedded);
        _engine = new Engine(options =>
        {
            options.Strict = true;
            options.EnableModules(_loader);
            options.Constraint(_deadline);
            options.LimitMemory(budgets.MemoryBytes);
            options.LimitRecursion(budgets.MaxRecursionDepth);
        });
        var scope = new HostScope(_engine, spec.Id, granted);
        foreach (var api in hostApis) api.Install(scope);
    }

    public ScriptModuleSpec Spec => _spec;
    public Engine Engine => _engine;

    /// <summary>Thread-safe: stops the running call (and every later one until <see cref="Unload"/>).</summary>
    public void Cancel() => _deadline.Cancel();

    public bool IsCancelled => _deadline.IsCancelled;

    /// <summary>Evaluates the entry file. Does not call init (the caller decides when, §4.3 step 10).</summary>
    public ScriptFault? Load()
    {
        var fault = _boundary.Run(ScriptPhase.Load, () =>
        {
            _engine.Constraints.Reset();
            _engine.Modules.Import(_spec.EntryPath);
        });
        _loaded = fault is null;
        return fault is ScriptFault.MissingImport missing ? NameImportSource(missing) : fault;
    }

    private static readonly System.Text.RegularExpressions.Regex ImportStatement =
        new(@"import\s*\{(?<names>[^}]*)\}\s*from\s*['""](?<from>[^'""]+)['""]", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>For "no export named X", finds the import statement that asked for X and names its file.</summary>
    private ScriptFault NameImportSource(ScriptFault.MissingImport missing)
    {
        foreach (var (file, source) in _loader.LoadedSources)
            foreach (System.Text.RegularExpressions.Match m in ImportStatement.Matches(source))
            {
                var names = m.Groups["names"].Value.Split(',').Select(n => n.Trim().Split(' ')[0]);
                if (names.Contains(missing.Specifier))
                    return missing with
                    {
                        Detail = $"'{m.Groups["from"].Value}' does not export '{missing.Specifier}' (imported by {Path.GetFileName(file)})",
                    };
            }
        return missing;
    }

    public bool HasCallback(string name) => Callback(name) is not null;

    public ScriptFault? Init() => Call(ScriptPhase.Init, "init");
    public ScriptFault? Tick() => Call(ScriptPhase.Tick, "tick");

    public ScriptFault? MidiInternal(byte status, byte d1, byte d2) =>
        Call(ScriptPhase.MidiInternal, "onMidiMessageInternal", status, d1, d2);

    public ScriptFault? MidiExternal(byte status, byte d1, byte d2) =>
        Call(ScriptPhase.MidiExternal, "onMidiMessageExternal", status, d1, d2);

    /// <summary>Calls onUnload if defined, even after a cancellation (the module gets its chance to clean up).</summary>
    public ScriptFault? Unload()
    {
        _deadline.ClearCancellation();
        return _loaded ? Call(ScriptPhase.Unload, "onUnload") : null;
    }

    /// <summary>Evaluates a snippet in the module's realm (tests and diagnostics only).</summary>
    public ScriptFault? Evaluate(string code, out JsValue result)
    {
        JsValue value = JsValue.Undefined;
        var fault = _boundary.Run(ScriptPhase.Init, () => value = _engine.Evaluate(code));
        result = value;
        return fault;
    }

    private ScriptFault? Call(ScriptPhase phase, string name, params int[] midi)
    {
        if (!_loaded) return null;
        // The first tick / MIDI call gets the warm-up budget (JIT); later calls their own.
        TimeSpan? budget = phase is ScriptPhase.Tick or ScriptPhase.MidiInternal or ScriptPhase.MidiExternal && _warmed.Add(phase)
            ? _budgets.FirstCall
            : null;
        return _boundary.Run(phase, () =>
        {
            // Looked up at every call, as the original re-reads the globals: modules reassign callbacks.
            if (Callback(name) is not { } fn) return;
            _engine.Constraints.Reset();
            JsValue[] args = midi.Length == 0
                ? []
                : [new JsArray(_engine, midi.Select(b => (JsValue)JsNumber.Create(b)).ToArray())];
            _engine.Invoke(fn, ThisFor(), args);
        }, budget);
    }

    private JsValue? Callback(string name)
    {
        var holder = ThisFor();
        if (holder is not ObjectInstance obj) return null;
        var value = obj.Get(name);
        return value is Jint.Native.Function.Function ? value : null;
    }

    private JsValue ThisFor() =>
        _spec.IsChainUi ? _engine.Global.Get("chain_ui") : _engine.Global;
}
