using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.Session;

/// <summary>Each kind of script failure unloads the module, reports the typed fault, and shows the menu with a toast in the same tick.</summary>
public class FaultToMenuTests
{
    private static UiHostOptions Options(TimeSpan tick) => new()
    {
        Script = new ScriptBudgets
        {
            Load = TimeSpan.FromSeconds(30), Init = TimeSpan.FromSeconds(30), Midi = TimeSpan.FromSeconds(30), Tick = tick, FirstCall = tick, Unload = TimeSpan.FromSeconds(30),
            MemoryBytes = 32L * 1024 * 1024, MaxRecursionDepth = 200,
        },
        OvertakeInitDelayTicks = 1,
    };

    private const string NoLedClear = """, "capabilities": { "skip_led_clear": true }""";

    private static (LoopHarness H, ScriptFault Fault) Run(string uiJs, Action<LoopHarness>? drive = null, TimeSpan? tick = null)
    {
        var h = new LoopHarness(Options(tick ?? TimeSpan.FromSeconds(30)));
        h.AddModule("bad", "overtake", uiJs, NoLedClear);
        var loop = h.Start();
        loop.Open("bad");
        drive?.Invoke(h);
        if (loop.Active is not null) loop.Tick();
        Assert.Null(loop.Active); // back in the menu
        var notice = Assert.Single(h.Faults.Faults);
        Assert.Equal("bad", notice.ModuleId);
        Assert.Equal("1.2.3", notice.ModuleVersion);
        Assert.Equal($"bad name stopped: {notice.Fault.ShortReason}", loop.Toast);
        Assert.Equal(OvertakeMode.Menu, h.Link.Overtake!.Mode);
        Assert.Contains(h.Log.Lines, l => l.StartsWith("Error:") && l.Contains("bad") && l.Contains(notice.Fault.Reason));
        return (h, notice.Fault);
    }

    [Fact]
    public void Throw_in_init()
    {
        var (h, fault) = Run("globalThis.init = () => { throw new Error('init broke'); };");
        using var _ = h;
        Assert.Equal(ScriptPhase.Init, Assert.IsType<ScriptFault.Threw>(fault).Phase);
    }

    [Fact]
    public void Throw_in_tick()
    {
        var (h, fault) = Run("globalThis.tick = () => { undefinedThing(); };");
        using var _ = h;
        Assert.Equal(ScriptPhase.Tick, Assert.IsType<ScriptFault.Threw>(fault).Phase);
    }

    [Fact]
    public void Throw_in_onMidiMessageInternal()
    {
        var (h, fault) = Run("globalThis.onMidiMessageInternal = () => { throw 'nope'; };",
            h => h.Link.Inject(InputEvent.NoteOn(68, 100)));
        using var _ = h;
        Assert.Equal(ScriptPhase.MidiInternal, Assert.IsType<ScriptFault.Threw>(fault).Phase);
    }

    [Fact]
    public void Infinite_loop_in_tick_times_out()
    {
        var (h, fault) = Run("globalThis.tick = () => { for (;;) {} };", tick: TimeSpan.FromMilliseconds(50));
        using var _ = h;
        Assert.Equal(TimeSpan.FromMilliseconds(50), Assert.IsType<ScriptFault.TimedOut>(fault).Budget);
    }

    [Fact]
    public void Memory_bomb()
    {
        var (h, fault) = Run("globalThis.tick = () => { const a = []; for (;;) a.push(new Array(4096).fill(1)); };");
        using var _ = h;
        Assert.IsType<ScriptFault.MemoryLimit>(fault);
    }

    [Fact]
    public void Deep_recursion()
    {
        var (h, fault) = Run("const f = (n) => f(n + 1) + 1; globalThis.init = () => f(0);");
        using var _ = h;
        Assert.IsType<ScriptFault.RecursionLimit>(fault);
    }

    [Fact]
    public void Syntax_error()
    {
        var (h, fault) = Run("globalThis.init = () => { if ( };");
        using var _ = h;
        Assert.Equal(ScriptPhase.Load, Assert.IsType<ScriptFault.SyntaxError>(fault).Phase);
    }

    [Fact]
    public void Missing_import()
    {
        var (h, fault) = Run("import { x } from '/data/UserData/schwung/shared/not_here.mjs';");
        using var _ = h;
        Assert.Contains("not_here.mjs", Assert.IsType<ScriptFault.MissingImport>(fault).Reason);
    }

    [Fact]
    public void The_health_sink_may_replace_the_toast()
    {
        using var h = new LoopHarness(Options(TimeSpan.FromSeconds(30)));
        h.Faults.ToastOverride = "bad name disabled after 3 crashes";
        h.AddModule("bad", "overtake", "globalThis.init = () => { throw 1; };", NoLedClear);
        var loop = h.Start();
        loop.Open("bad");
        Assert.Equal("bad name disabled after 3 crashes", loop.Toast);
    }

    [Fact]
    public void Toast_is_drawn_on_the_menu_frame_and_expires()
    {
        using var h = new LoopHarness(Options(TimeSpan.FromSeconds(30)) with { ToastTicks = 3 });
        h.AddModule("bad", "overtake", "globalThis.init = () => { throw 1; };", NoLedClear);
        var loop = h.Start();
        loop.Open("bad");
        loop.Tick();
        var withToast = h.Link.LastFrame!;
        h.Ticks(3);
        Assert.Null(loop.Toast);
        Assert.False(withToast.AsSpan().SequenceEqual(h.Link.LastFrame!));
    }

    [Fact]
    public void Module_without_ui_js_is_refused_with_a_reason_and_the_menu_stays()
    {
        using var h = new LoopHarness();
        h.AddModule("noui", "overtake", uiJs: null);
        var loop = h.Start();
        loop.Open("noui");
        Assert.Null(loop.Active);
        Assert.Contains("no ui.js", loop.Toast);
    }
}
