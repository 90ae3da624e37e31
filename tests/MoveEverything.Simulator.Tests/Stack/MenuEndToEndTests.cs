using System.Text.Json;
using MoveEverything.Simulator.Tests.Headless;

namespace MoveEverything.Simulator.Tests.Stack;

/// <summary>
/// The whole stack through `mev sim --headless --json`: supervisor, engine process, UI host process (system menu,
/// Jint module UIs) and the simulated Move, driven by a scenario the way a user plays the device.
/// </summary>
public sealed class MenuEndToEndTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mev-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement Module(JsonElement summary, string id) =>
        summary.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);

    private static double Peak(JsonElement summary, int slot) =>
        summary.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("slot").GetInt32() == slot).GetProperty("peak").GetDouble();

    [Fact]
    public void Jog_opens_the_step_sequencer_from_the_menu_its_pads_sound_and_the_escape_returns_to_the_menu()
    {
        // Root page: Sound generators, Audio FX, MIDI FX, Overtake (index 3) …; Overtake page: MEV Step Sequencer;
        // module page: Version, State, Open (index 2). Jog turn = knob 10 (CC 14), jog click = CC 3.
        string scenario = Path.Combine(_folder, "menu.json");
        File.WriteAllText(scenario, """
            { "events": [
              { "at_ms": 300,  "type": "knob", "knob": 10, "delta": 3 },
              { "at_ms": 600,  "type": "button", "name": "jog_click", "duration_ms": 60 },
              { "at_ms": 900,  "type": "button", "name": "jog_click", "duration_ms": 60 },
              { "at_ms": 1200, "type": "knob", "knob": 10, "delta": 2 },
              { "at_ms": 1500, "type": "button", "name": "jog_click", "duration_ms": 60 },
              { "at_ms": 4000, "type": "pad", "pad": 1, "velocity": 120, "duration_ms": 400 },
              { "at_ms": 4600, "type": "pad", "pad": 5, "velocity": 120, "duration_ms": 400 },
              { "at_ms": 5400, "type": "button", "name": "shift" },
              { "at_ms": 5500, "type": "touch", "knob": 9 },
              { "at_ms": 5600, "type": "button", "name": "jog_click", "duration_ms": 60 },
              { "at_ms": 5800, "type": "touch", "knob": 9, "touched": false },
              { "at_ms": 5850, "type": "button", "name": "shift", "pressed": false }
            ] }
            """);
        var run = MevProcess.Run("sim", "--headless", "--seconds", "7", "--json", "--scenario", scenario,
            "--ui-modules", RepoPaths.Modules);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var summary = run.Json;
        var ui = summary.GetProperty("ui");
        Assert.True(ui.GetProperty("attached").GetBoolean(), run.Stderr);
        Assert.Equal(1, ui.GetProperty("starts").GetInt32());
        Assert.True(Peak(summary, 1) > 0, "the step sequencer's pads gave no sound in slot 1\n" + run.Stdout + "\n" + run.Stderr);
        Assert.True(summary.GetProperty("escapes").GetInt64() >= 1, "the engine saw no escape");
        Assert.Equal("stopped", Module(summary, "mev-stepseq").GetProperty("state").GetString());
        Assert.Equal("menu", ui.GetProperty("view").GetString());
        Assert.Equal(JsonValueKind.Null, ui.GetProperty("module").ValueKind);
    }

    [Fact]
    public void Opening_a_module_whose_init_throws_ends_crashed_with_its_error_and_the_host_keeps_running()
    {
        string module = Path.Combine(_folder, "modules", "overtake", "bad-init");
        Directory.CreateDirectory(module);
        File.WriteAllText(Path.Combine(module, "module.json"), """
            { "id": "bad-init", "name": "Bad Init", "version": "1.0.0", "ui": "ui.js",
              "capabilities": { "component_type": "overtake" } }
            """);
        File.WriteAllText(Path.Combine(module, "ui.js"), "globalThis.init = function () { throw new Error('tuning table missing'); };\n");

        // 6 s: the overtake init is deferred (LED clear, OvertakeInitDelayTicks); on a loaded machine the UI host's
        // start and those ticks took most of a 3 s run, and the summary caught the module still waiting for init.
        var run = MevProcess.Run("sim", "--headless", "--seconds", "6", "--json", "--open", "bad-init",
            "--ui-modules", Path.Combine(_folder, "modules"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var summary = run.Json;
        var bad = Module(summary, "bad-init");
        Assert.Equal("crashed", bad.GetProperty("state").GetString());
        Assert.Contains("tuning table missing", bad.GetProperty("error").GetString());
        var ui = summary.GetProperty("ui");
        Assert.Equal("menu", ui.GetProperty("view").GetString());
        Assert.Equal(1, ui.GetProperty("starts").GetInt32()); // the UI host survived the module
        Assert.Equal(0, summary.GetProperty("restarts").GetInt32());
        Assert.True(summary.GetProperty("blocks").GetInt64() > 0);
    }
}
