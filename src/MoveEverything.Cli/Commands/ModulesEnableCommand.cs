using System.CommandLine;

namespace MoveEverything.Cli.Commands;

/// <summary>`mev modules enable ID [--data-dir DIR]`: turns a disabled module back on (strikes cleared).
/// Safe while a host runs. Exit code 0 done, 1 typed error (unknown module, write failed).</summary>
public static class ModulesEnableCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Module id" };
        var dataDir = ModulesListCommand.DataDirOption();
        var command = new Command("enable", "Re-enable a module disabled by you or by the crash policy") { id, dataDir };
        command.SetAction(parseResult =>
            ModulesListCommand.Report("enable", ModulesListCommand.Open(parseResult.GetValue(dataDir)).Enable(parseResult.GetValue(id)!)));
        return command;
    }
}
