using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using MoveEverything.Health.Admin;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev modules remove ID [--json] [--data-dir DIR]`: deletes an installed module whatever its state or verdict
/// (refused, crashed, disabled, waiting for consent, safe mode) and clears its disable mark, strikes and consent, so a
/// reinstall starts fresh. Crash-safe (ModuleTrash). Built-in modules are refused. Safe while a host runs.
/// Exit code 0 removed, 1 typed error (unknown module, built-in module, folder not movable, state not written).
/// </summary>
public static class ModulesRemoveCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Module id" };
        var json = new Option<bool>("--json") { Description = "Print {id, removed, message, error} as JSON" };
        var dataDir = ModulesListCommand.DataDirOption();
        var command = new Command("remove", "Remove a module (folder, disable mark, strikes and consent), whatever its state") { id, json, dataDir };
        command.SetAction(parseResult =>
        {
            var moduleId = parseResult.GetValue(id)!;
            var result = ModulesListCommand.Open(parseResult.GetValue(dataDir)).Remove(moduleId);
            if (!parseResult.GetValue(json)) return ModulesListCommand.Report("remove", result);
            Console.WriteLine(new JsonObject
            {
                ["id"] = moduleId, ["removed"] = result.Ok, ["message"] = result.Message,
                ["error"] = result.Error is { } e ? e.ToString() : null,
            }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return result.Ok ? 0 : 1;
        });
        return command;
    }
}
