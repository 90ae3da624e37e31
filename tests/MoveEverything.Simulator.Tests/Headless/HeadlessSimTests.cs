using System.Text.Json;

namespace MoveEverything.Simulator.Tests.Headless;

/// <summary>`mev sim --headless --json` end to end: supervisor, engine process, scenario, summary.</summary>
public sealed class HeadlessSimTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mev-headless-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement Slot(JsonElement summary, int slot) =>
        summary.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("slot").GetInt32() == slot);

    private static JsonElement Module(JsonElement summary, string id) =>
        summary.GetProperty("modules").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);

    [Fact]
    public void Pressing_pads_makes_slot_1_sound_through_the_builtin_demo()
    {
        string scenario = Path.Combine(_folder, "pads.json");
        File.WriteAllText(scenario, """
            { "events": [
              { "at_ms": 100, "type": "pad", "pad": 1, "velocity": 120, "duration_ms": 500 },
              { "at_ms": 300, "type": "pad", "pad": 8, "duration_ms": 300 }
            ] }
            """);
        // --no-ui: this is the engine's own demo routing (with the UI host, the menu routes pads; see Stack/).
        var run = MevProcess.Run("sim", "--headless", "--seconds", "2", "--json", "--scenario", scenario, "--no-ui");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var summary = run.Json;
        Assert.True(summary.GetProperty("blocks").GetInt64() > 0);
        Assert.True(summary.GetProperty("missed_blocks").GetInt64() >= 0);
        Assert.Equal("builtin-synth", Slot(summary, 1).GetProperty("module").GetString());
        Assert.True(Slot(summary, 1).GetProperty("peak").GetDouble() > 0.05, "pads gave no sound in slot 1");
        Assert.Equal(0, Slot(summary, 2).GetProperty("peak").GetDouble());
        Assert.Equal("running", Module(summary, "builtin-synth").GetProperty("state").GetString());
    }

    [Fact]
    public void A_hanging_module_is_blamed_and_the_engine_restarts_with_the_rest_of_the_chain_while_a_missing_one_fails_with_a_reason()
    {
        var run = MevProcess.Run("sim", "--headless", "--seconds", "4", "--json", "--modules-dir", _folder,
            "--slot", "2=builtin-fault-hang", "--slot", "3=no-such-module");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var summary = run.Json;
        var crash = summary.GetProperty("crashes").EnumerateArray().First();
        Assert.Equal("builtin-fault-hang", crash.GetProperty("module").GetString());
        Assert.Equal("hang", crash.GetProperty("kind").GetString());
        Assert.Equal("render", crash.GetProperty("phase").GetString());
        Assert.True(summary.GetProperty("restarts").GetInt32() >= 1);
        Assert.Equal("crashed", Module(summary, "builtin-fault-hang").GetProperty("state").GetString());
        Assert.Equal("running", Module(summary, "builtin-synth").GetProperty("state").GetString());
        var missing = Module(summary, "no-such-module");
        Assert.Equal("failed", missing.GetProperty("state").GetString());
        Assert.Equal("plugin file not found", missing.GetProperty("error").GetString());
        Assert.Equal(0, Slot(summary, 1).GetProperty("peak").GetDouble()); // no pads pressed: the demo synth stays silent
    }

    [Fact]
    public void A_bad_slot_option_is_refused_with_a_reason_before_anything_starts()
    {
        var run = MevProcess.Run("sim", "--headless", "--json", "--slot", "9=x");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SLOT 1–4", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
