using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.Scripting;

/// <summary>Every way a module's script can fail ends as the matching typed fault, never an exception.</summary>
public sealed class ContainmentTests : IDisposable
{
    private readonly List<TempModule> _modules = [];

    public void Dispose() => _modules.ForEach(m => m.Dispose());

    // Generous time budgets (the machine is shared and noisy: a cold Jint can take a second); short budgets only
    // where a loop never ends anyway; small memory/recursion limits so those trip first.
    private static readonly ScriptBudgets Budgets = new()
    {
        Load = TimeSpan.FromSeconds(30),
        Init = TimeSpan.FromSeconds(30),
        Tick = TimeSpan.FromSeconds(30),
        FirstCall = TimeSpan.FromSeconds(30),
        Midi = TimeSpan.FromSeconds(30),
        Unload = TimeSpan.FromSeconds(30),
        MemoryBytes = 32L * 1024 * 1024,
        MaxRecursionDepth = 200,
    };

    private (ModuleRuntime Runtime, ScriptFault? LoadFault) Load(string js)
    {
        var module = new TempModule(js);
        _modules.Add(module);
        var runtime = new ModuleRuntime(module.Spec, Budgets, []);
        return (runtime, runtime.Load());
    }

    [Fact]
    public void Throw_in_init_is_Threw_with_message_and_phase()
    {
        var (rt, loadFault) = Load("globalThis.init = () => { throw new Error('boom'); };");
        Assert.Null(loadFault);
        var fault = Assert.IsType<ScriptFault.Threw>(rt.Init());
        Assert.Equal(ScriptPhase.Init, fault.Phase);
        Assert.Contains("boom", fault.Message);
        Assert.Contains("init", fault.Reason);
    }

    [Fact]
    public void Throw_in_tick_and_in_onMidiMessageInternal_are_Threw_in_their_phase()
    {
        var (rt, _) = Load("""
            globalThis.tick = () => { null.x; };
            globalThis.onMidiMessageInternal = (d) => { throw new RangeError('bad ' + d[1]); };
            """);
        var tick = Assert.IsType<ScriptFault.Threw>(rt.Tick());
        Assert.Equal(ScriptPhase.Tick, tick.Phase);
        Assert.Contains("TypeError", tick.Message);
        var midi = Assert.IsType<ScriptFault.Threw>(rt.MidiInternal(0x90, 68, 100));
        Assert.Equal(ScriptPhase.MidiInternal, midi.Phase);
        Assert.Contains("RangeError: bad 68", midi.Message);
    }

    [Fact]
    public void Infinite_loop_in_tick_is_TimedOut_with_the_tick_budget()
    {
        using var module = new TempModule("globalThis.tick = () => { while (true) {} };");
        var shortTick = Budgets with { Tick = TimeSpan.FromMilliseconds(100), FirstCall = TimeSpan.FromMilliseconds(100) };
        var rt = new ModuleRuntime(module.Spec, shortTick, []);
        Assert.Null(rt.Load());
        var fault = Assert.IsType<ScriptFault.TimedOut>(rt.Tick());
        Assert.Equal(ScriptPhase.Tick, fault.Phase);
        Assert.Equal(TimeSpan.FromMilliseconds(100), fault.Budget);
    }

    [Fact]
    public void First_tick_gets_the_warm_up_budget_and_later_ticks_their_own()
    {
        using var module = new TempModule("globalThis.tick = () => { globalThis.n = (globalThis.n ?? 0) + 1; if (globalThis.n >= 2) for (;;) {} };");
        var budgets = Budgets with { FirstCall = TimeSpan.FromSeconds(30), Tick = TimeSpan.FromMilliseconds(20) };
        var rt = new ModuleRuntime(module.Spec, budgets, []);
        Assert.Null(rt.Load());
        Assert.Null(rt.Tick());
        Assert.Equal(TimeSpan.FromMilliseconds(20), Assert.IsType<ScriptFault.TimedOut>(rt.Tick()).Budget);
    }

    [Fact]
    public void Infinite_loop_at_top_level_is_TimedOut_in_load()
    {
        using var module = new TempModule("for (;;) {}");
        var fault = new ModuleRuntime(module.Spec, Budgets with { Load = TimeSpan.FromMilliseconds(200) }, []).Load();
        var timedOut = Assert.IsType<ScriptFault.TimedOut>(fault);
        Assert.Equal(ScriptPhase.Load, timedOut.Phase);
    }

    [Fact]
    public void Memory_bomb_is_MemoryLimit()
    {
        var (rt, _) = Load("""
            globalThis.init = () => { const hog = []; while (true) hog.push(new Array(4096).fill(hog.length)); };
            """);
        var fault = Assert.IsType<ScriptFault.MemoryLimit>(rt.Init());
        Assert.Equal(ScriptPhase.Init, fault.Phase);
    }

    [Fact]
    public void Deep_recursion_is_RecursionLimit()
    {
        var (rt, _) = Load("function down(n) { return down(n + 1) + 1; } globalThis.init = () => down(0);");
        var fault = Assert.IsType<ScriptFault.RecursionLimit>(rt.Init());
        Assert.Equal(200, fault.MaxDepth);
    }

    [Fact]
    public void Syntax_error_is_SyntaxError_at_load()
    {
        var (_, fault) = Load("globalThis.init = () => { let = ; }");
        var syntax = Assert.IsType<ScriptFault.SyntaxError>(fault);
        Assert.Equal(ScriptPhase.Load, syntax.Phase);
        Assert.Equal("syntax error", syntax.ShortReason);
    }

    [Fact]
    public void Missing_shared_file_is_MissingImport_naming_the_file()
    {
        var (_, fault) = Load("import { x } from '/data/UserData/schwung/shared/no_such_thing.mjs';");
        var missing = Assert.IsType<ScriptFault.MissingImport>(fault);
        Assert.Contains("no_such_thing.mjs", missing.Reason);
        Assert.Contains("constants.mjs", missing.Detail); // lists what the library has
    }

    [Fact]
    public void Missing_export_name_is_MissingImport_naming_the_export()
    {
        var (_, fault) = Load("import { NoSuchExport } from '/data/UserData/schwung/shared/constants.mjs';");
        var missing = Assert.IsType<ScriptFault.MissingImport>(fault);
        Assert.Contains("NoSuchExport", missing.Reason);
        Assert.Contains("constants.mjs", missing.Reason);
    }

    [Fact]
    public void Cancel_from_another_thread_stops_an_infinite_loop_as_Cancelled()
    {
        using var module = new TempModule("globalThis.init = () => { host_started(); while (true) {} };");
        var started = new ManualResetEventSlim();
        var rt = new ModuleRuntime(module.Spec, Budgets with { Init = TimeSpan.FromMinutes(5) }, [new SignalApi(started)]);
        Assert.Null(rt.Load());
        var canceller = new Thread(() =>
        {
            started.Wait();
            rt.Cancel();
        });
        canceller.Start();
        var fault = rt.Init();
        canceller.Join();
        Assert.IsType<ScriptFault.Cancelled>(fault);
    }

    private sealed class SignalApi(ManualResetEventSlim started) : MoveEverything.UiHost.HostApi.IHostApi
    {
        public void Install(MoveEverything.UiHost.HostApi.HostScope scope) =>
            scope.Define("host_started", 0, _ => started.Set());
    }

    [Fact]
    public void OnUnload_runs_after_a_cancellation()
    {
        var (rt, _) = Load("globalThis.onUnload = () => { globalThis.unloaded = 1; };");
        rt.Cancel();
        Assert.IsType<ScriptFault.Cancelled>(rt.Evaluate("1", out _));
        Assert.Null(rt.Unload());
        Assert.Null(rt.Evaluate("globalThis.unloaded", out var v));
        Assert.Equal("1", v.ToString());
    }
}
