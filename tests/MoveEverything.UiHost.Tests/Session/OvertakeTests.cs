using MoveEverything.UiHost.Link;
using MoveEverything.UiHost.Scripting;

namespace MoveEverything.UiHost.Tests.Session;

public class OvertakeTests
{
    private const string Recorder = """
        globalThis.init = () => { globalThis.inited = true; console.log('init ran'); };
        globalThis.onMidiMessageInternal = (d) => console.log('midi ' + d.join(','));
        globalThis.tick = () => {};
        globalThis.onUnload = () => console.log('unloaded');
        """;

    [Fact]
    public void Entry_sets_module_routing_clears_leds_then_runs_init()
    {
        using var h = new LoopHarness();
        h.AddModule("seq", "overtake", Recorder, """, "capabilities": { "button_passthrough": [85] }""");
        var loop = h.Start();
        Assert.True(loop.Open("seq"));

        var overtake = h.Link.Overtake!;
        Assert.Equal(OvertakeMode.Module, overtake.Mode);
        Assert.Equal([85], overtake.PassthroughCcs);
        Assert.DoesNotContain(h.Log.Lines, l => l.Contains("init ran")); // deferred until the LEDs are clear

        h.Ticks(10);
        Assert.Contains(h.Log.Lines, l => l.Contains("init ran"));
        var cleared = h.Link.HardwareMidi.Where(p => p.Data2 == 0).ToList();
        Assert.Contains(cleared, p => p is { Status: 0x90, Data1: 68 }); // a pad
        Assert.Contains(cleared, p => p is { Status: 0xB0, Data1: 49 }); // Shift's LED
        Assert.DoesNotContain(cleared, p => p is { Status: 0xB0, Data1: 85 }); // passthrough keeps Move's LED
        Assert.All(h.Link.HardwareMidi, p => Assert.Equal(0, p.Cable));
    }

    [Fact]
    public void Skip_led_clear_runs_init_at_once_and_sends_no_leds()
    {
        using var h = new LoopHarness();
        h.AddModule("quick", "overtake", Recorder, """, "capabilities": { "skip_led_clear": true }""");
        h.Start().Open("quick");
        Assert.Contains(h.Log.Lines, l => l.Contains("init ran"));
        Assert.Empty(h.Link.HardwareMidi);
        Assert.True(h.Link.Overtake!.SkipLedClear);
    }

    [Fact]
    public void Midi_reaches_the_module_only_after_init_and_everything_but_the_escape_is_delivered()
    {
        using var h = new LoopHarness();
        h.AddModule("m", "overtake", Recorder);
        var loop = h.Start();
        loop.Open("m");
        h.Link.Inject(InputEvent.NoteOn(70, 100));
        loop.Tick(); // still clearing LEDs: the event is dropped, as the original does before init
        h.Ticks(10);
        h.Press(51); // Back is the module's in overtake mode
        h.Link.Inject(InputEvent.Cc(49, 127)); // Shift alone is delivered too
        loop.Tick();

        Assert.DoesNotContain(h.Log.Lines, l => l.Contains("midi 144,70,100"));
        Assert.Contains(h.Log.Lines, l => l.Contains("midi 176,51,127"));
        Assert.Contains(h.Log.Lines, l => l.Contains("midi 176,49,127"));
        Assert.NotNull(loop.Active);
    }

    [Fact]
    public void Escape_returns_to_menu_calls_onUnload_and_sends_all_notes_off_on_16_channels()
    {
        using var h = new LoopHarness();
        h.AddModule("m", "overtake", Recorder);
        var loop = h.Start();
        loop.Open("m");
        h.Ticks(10);
        h.Escape();
        loop.Tick();

        Assert.Null(loop.Active);
        Assert.Contains(h.Log.Lines, l => l.Contains("unloaded"));
        Assert.DoesNotContain(h.Log.Lines, l => l.Contains("midi 176,3,127")); // the escape's jog click never reached JS
        var notesOff = h.Link.DspMidi.Where(m => m.Message is [_, 123, 0]).ToList();
        Assert.Equal(16, notesOff.Count);
        Assert.Equal(Enumerable.Range(0, 16), notesOff.Select(m => m.Message[0] & 0x0F));
        Assert.Equal(OvertakeMode.Menu, h.Link.Overtake!.Mode);
        Assert.Contains("stopped m escape", h.Faults.Events);
    }

    [Fact]
    public void Escape_works_while_the_module_is_stuck_in_an_endless_loop()
    {
        using var h = new LoopHarness(); // tick budget 30 s: only the escape can end this loop in time
        h.AddModule("stuck", "overtake", """
            globalThis.tick = () => { console.log('looping'); while (true) {} };
            """, """, "capabilities": { "skip_led_clear": true }""");
        var loop = h.Start();
        loop.Open("stuck");
        var presser = new Thread(() => { h.Log.WaitFor("looping"); h.Escape(); });
        presser.Start();
        loop.Tick(); // blocks in the module's tick until the input thread's escape cancels it
        presser.Join();

        Assert.Null(loop.Active);
        Assert.Contains("stopped stuck escape", h.Faults.Events);
        Assert.Empty(h.Faults.Faults); // the user's escape is not the module's fault
        Assert.Equal(OvertakeMode.Menu, h.Link.Overtake!.Mode);
        Assert.Equal(16, h.Link.DspMidi.Count(m => m.Message is [_, 123, 0]));
    }

    [Fact]
    public void Host_exit_module_from_js_returns_to_menu()
    {
        using var h = new LoopHarness();
        h.AddModule("leaver", "tool", "globalThis.tick = () => host_exit_module();", """, "capabilities": { "skip_led_clear": true }""", category: "tools");
        var loop = h.Start();
        loop.Open("leaver");
        loop.Tick();
        Assert.Null(loop.Active);
        Assert.Contains("stopped leaver host_exit_module", h.Faults.Events);
    }

    [Fact]
    public void Declared_dsp_is_loaded_into_the_overtake_slot_and_unloaded_on_exit()
    {
        using var h = new LoopHarness();
        var folder = h.AddModule("withdsp", "overtake", Recorder, """, "dsp": "dsp.so", "capabilities": { "skip_led_clear": true }""");
        File.WriteAllText(Path.Combine(folder, "dsp.so"), "not really a library; the fake engine does not load it");
        var loop = h.Start();
        loop.Open("withdsp");
        h.Escape();
        loop.Tick();
        Assert.Equal(2, h.Link.Assignments.Count);
        Assert.Equal(DspTarget.Overtake, h.Link.Assignments[0].Target);
        Assert.EndsWith("dsp.so", h.Link.Assignments[0].DspPath);
        Assert.Null(h.Link.Assignments[1].DspPath);
    }

    [Fact]
    public void Engine_refusing_the_dsp_leaves_the_menu_with_a_toast()
    {
        using var h = new LoopHarness();
        var folder = h.AddModule("refused", "overtake", Recorder, """, "dsp": "dsp.so" """);
        File.WriteAllText(Path.Combine(folder, "dsp.so"), "x");
        h.Link.RefuseAssignmentsWith = "wrong architecture";
        var loop = h.Start();
        loop.Open("refused");
        Assert.Null(loop.Active);
        Assert.Contains("wrong architecture", loop.Toast);
        Assert.Equal(OvertakeMode.Menu, h.Link.Overtake!.Mode);
    }
}
