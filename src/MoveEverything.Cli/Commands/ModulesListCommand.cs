using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Health.Admin;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Trust;
using MoveEverything.Modules.Discovery;
using MoveEverything.Storage;
using Spectre.Console;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev modules list [--json] [--data-dir DIR]`: every known module with its state, reason and strikes,
/// read from the persisted health state and from discovery of the modules under the data folder. A module the load gate
/// would refuse shows state refused with the typed reason (reasonCode, e.g. needs-newer-host); one waiting for consent
/// shows awaiting_consent with the capabilities pending. Repairs made while loading the state go to stderr. Exit code 0.
/// </summary>
public static class ModulesListCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array (id, state, reason, strikes, …)" };
        var dataDir = DataDirOption();
        var command = new Command("list", "List modules with their health state, reason and strikes") { json, dataDir };
        command.SetAction(parseResult => Run(Open(parseResult.GetValue(dataDir)), parseResult.GetValue(json)));
        return command;
    }

    /// <summary>The `--data-dir` option shared by the health verbs (default: DataPaths.Default()).</summary>
    internal static Option<DirectoryInfo?> DataDirOption() =>
        new("--data-dir") { Description = "Root of the persisted state (default: $MEV_DATA_DIR, the Move's data folder, or ~/.local/state/move-everything)" };

    /// <summary>Opens the persisted state; prints what loading it repaired to stderr.</summary>
    internal static ModuleAdministration Open(DirectoryInfo? dataDir)
    {
        var paths = dataDir is null ? DataPaths.Default() : new DataPaths(dataDir.FullName);
        var installed = FixedInstalledModules.From(ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = paths.Modules }));
        var admin = new ModuleAdministration(paths, installed, TimeProvider.System)
        {
            Trust = new TrustBook(new FileTrustStore(paths), HealthPolicy.Default, TimeProvider.System),
        };
        foreach (var note in admin.Repairs) Console.Error.WriteLine($"repaired: {note}");
        foreach (var note in admin.Trust!.LoadNotes) Console.Error.WriteLine($"repaired: {note}");
        foreach (var finished in admin.FinishedRemovals) Console.Error.WriteLine($"repaired: {finished}");
        return admin;
    }

    internal static int Report(string verb, AdminResult result)
    {
        if (result.Ok) { Console.WriteLine(result.Message); return 0; }
        Console.Error.WriteLine($"mev modules {verb}: {result.Message} ({result.Error})");
        return 1;
    }

    private static int Run(ModuleAdministration admin, bool json)
    {
        var rows = admin.List();
        if (json)
        {
            var array = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id, ["state"] = ModuleStateNames.Json(r.State), ["reason"] = r.Reason, ["reasonCode"] = r.ReasonCode,
                ["strikes"] = r.Strikes,
                ["installed"] = r.Installed,
                ["unsafeCapabilities"] = new JsonArray([.. r.UnsafeCapabilities.Select(c => (JsonNode)c)]),
                ["granted"] = new JsonArray([.. r.Granted.Select(c => (JsonNode)c)]),
                ["pending"] = new JsonArray([.. (r.Pending ?? []).Select(c => (JsonNode)c)]),
                ["lastFault"] = r.LastFault is { } f ? f.Describe() : null,
                ["isolation"] = r.Placement?.Isolation,
                ["trust"] = r.Placement is { } p ? new JsonObject { ["trusted"] = p.Trusted, ["basis"] = p.BasisJson, ["reason"] = p.Reason } : null,
            })]);
            Console.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var table = new Table().AddColumns("id", "state", "reason", "strikes", "placement");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Id), ModuleStateNames.Json(r.State), Markup.Escape(r.Reason), r.Strikes.ToString(),
                Markup.Escape(r.Placement is { } p ? $"{p.Isolation}: {p.Reason}" : ""));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{rows.Count} module(s)");
        return 0;
    }
}
