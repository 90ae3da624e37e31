using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoveEverything.Simulator.Headless;
using Spectre.Console;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev sim`: runs the supervisor, the engine process and a simulated Move. With --headless it plays an optional
/// scenario for --seconds and prints a summary (one JSON object with --json); exit code 1 when the run could
/// not start, 2 on bad options.
/// </summary>
public static class SimCommand
{
    public static Command Create()
    {
        var headless = new Option<bool>("--headless") { Description = "Run without the web page and print a summary" };
        var seconds = new Option<double>("--seconds") { Description = "Run length in seconds (headless)", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object" };
        var modulesDir = new Option<string?>("--modules-dir") { Description = "Folder of modules (<id>/dsp.so)" };
        var slots = new Option<string[]>("--slot") { Description = "SLOT=MODULE_ID, slot 1–4 (repeatable)", AllowMultipleArgumentsPerToken = false };
        var scenario = new Option<string?>("--scenario") { Description = "JSON file of timed pad/knob/button/touch events (docs/SCENARIOS.md)" };
        var port = new Option<int>("--port") { Description = "Web simulator port on 127.0.0.1", DefaultValueFactory = _ => 7700 };
        var noUi = new Option<bool>("--no-ui") { Description = "Do not run the UI host (no menu; pads play the built-in synth in slot 1, as for benchmarks)" };
        var open = new Option<string?>("--open") { Description = "Overtake/tool module the UI host opens at start (MODULE_ID)" };
        var uiModules = new Option<string[]>("--ui-modules") { Description = "Module root for the UI host (repeatable; default: the data folder's modules and ./modules)" };
        var data = new Option<string?>("--data") { Description = "UI host state folder (health registry, module data); default: a fresh temporary folder" };
        var isolate = new Option<string?>("--isolate") { Description = "Native modules in DSP worker processes: all, untrusted or none (default: none)" };
        isolate.AcceptOnlyFromAmong([.. MoveEverything.Ipc.EngineLaunch.IsolateValues]);
        var command = new Command("sim", "Run the engine, the UI host and a simulated Move") { headless, seconds, json, modulesDir, slots, scenario, port, noUi, open, uiModules, data, isolate };
        command.SetAction(parse =>
        {
            var options = BuildOptions(parse.GetValue(seconds), parse.GetValue(modulesDir), parse.GetValue(slots) ?? [], parse.GetValue(scenario), out var error);
            if (options == null) { Console.Error.WriteLine($"mev sim: {error}"); return 2; }
            if (parse.GetValue(noUi) && parse.GetValue(open) != null) { Console.Error.WriteLine("mev sim: --open needs the UI host (drop --no-ui)"); return 2; }
            options = options with
            {
                UiHost = !parse.GetValue(noUi), Open = parse.GetValue(open), DataRoot = parse.GetValue(data), Isolate = parse.GetValue(isolate),
                UiModuleRoots = (parse.GetValue(uiModules) ?? []).Select(Path.GetFullPath).ToArray(),
            };
            bool web = !parse.GetValue(headless);
            if (web && parse.GetResult(seconds) is not { Implicit: false }) options = options with { Seconds = double.PositiveInfinity };
            using var logs = LoggerFactory.Create(b => b.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(parse.GetValue(json) ? LogLevel.Warning : LogLevel.Information));
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
            // SIGTERM too (service managers, test harnesses): stop the children instead of leaving them orphaned.
            using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM,
                c => { c.Cancel = true; cancel.Cancel(); });
            HeadlessSummary summary;
            Task? site = null;
            Action<MoveEverything.Simulator.Device.SimulatedMove>? onStarted = web ? move =>
            {
                var webOptions = new MoveEverything.Simulator.Web.WebSimulatorOptions { Port = parse.GetValue(port), LoggerFactory = logs };
                site = MoveEverything.Simulator.Web.WebSimulator.RunAsync(move, webOptions, cancel.Token);
                Console.Error.WriteLine($"mev sim: http://127.0.0.1:{webOptions.Port} (Ctrl+C to stop)");
            } : null;
            try
            {
                summary = new HeadlessRunner(options, logs.CreateLogger("sim")).Run(cancel.Token, onStarted);
                cancel.Cancel();
                site?.Wait(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is TimeoutException or FileNotFoundException or IOException or AggregateException)
            {
                Console.Error.WriteLine($"mev sim: {e.Message}");
                return 1;
            }
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(summary));
            else Print(summary);
            return 0;
        });
        return command;
    }

    internal static HeadlessOptions? BuildOptions(double seconds, string? modulesDir, string[] slotArgs, string? scenarioPath, out string? error)
    {
        error = null;
        if (seconds <= 0) { error = "--seconds must be positive"; return null; }
        var slots = new Dictionary<int, string>();
        foreach (var arg in slotArgs)
        {
            var parts = arg.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], out int slot) || slot < 1 || slot > 4 || parts[1].Length == 0)
            { error = $"--slot '{arg}' is not SLOT=MODULE_ID with SLOT 1–4"; return null; }
            slots[slot] = parts[1];
        }
        var scenario = Scenario.Empty;
        if (scenarioPath != null)
        {
            var load = Scenario.Load(scenarioPath);
            if (load.Scenario == null) { error = load.Error; return null; }
            scenario = load.Scenario;
        }
        return new HeadlessOptions { Seconds = seconds, ModulesDir = modulesDir, Slots = slots, Scenario = scenario };
    }

    private static void Print(HeadlessSummary s)
    {
        AnsiConsole.MarkupLine($"[bold]{s.Blocks}[/] blocks, [bold]{s.MissedBlocks}[/] missed, realtime: {s.Realtime}, restarts: {s.Restarts}, GCs: {s.GcCollections}");
        var slots = new Table().AddColumns("slot", "module", "peak");
        foreach (var slot in s.Slots) slots.AddRow(slot.Slot.ToString(), Markup.Escape(slot.Module ?? "-"), slot.Peak.ToString("0.000"));
        AnsiConsole.Write(slots);
        var modules = new Table().AddColumns("module", "slot", "position", "state", "error");
        foreach (var m in s.Modules) modules.AddRow(Markup.Escape(m.Id), m.Slot.ToString(), m.Position.ToString(), m.State, Markup.Escape(m.Error ?? ""));
        AnsiConsole.Write(modules);
        foreach (var c in s.Crashes) AnsiConsole.MarkupLine($"[red]{Markup.Escape(c.Description)}[/]");
        if (s.Ui is { } ui) AnsiConsole.MarkupLine($"UI host: {(ui.Attached ? "attached" : "[red]not attached[/]")}, view {Markup.Escape(ui.View)}{(ui.Module is { } m ? " " + Markup.Escape(m) : "")}, starts {ui.Starts}");
    }
}
