using System.CommandLine;

namespace MoveEverything.Cli.Commands;

/// <summary>`mev modules disable ID [--data-dir DIR]`: turns a module off until it is enabled again .
/// Safe while a host runs. Exit code 0 done, 1 typed error (unknown module, write failed).</summary>
public static class ModulesDisableCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Module id" };
        var dataDir = ModulesListCommand.DataDirOption();
        var command = new Command("disable", "Disable a module (persisted)") { id, dataDir };
        command.SetAction(parseResult =>
            ModulesListCommand.Report("disable", ModulesListCommand.Open(parseResult.GetValue(dataDir)).Disable(parseResult.GetValue(id)!)));
        return command;
    }
}
