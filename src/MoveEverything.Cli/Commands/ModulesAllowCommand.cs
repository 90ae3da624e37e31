using System.CommandLine;

namespace MoveEverything.Cli.Commands;

/// <summary>`mev modules allow ID CAPABILITY [--data-dir DIR]`: records the user's consent for one unsafe
/// capability of an installed module, at its current version. Exit code 0 done, 1 typed error (unknown
/// module, unknown capability, capability not declared by the module, write failed).</summary>
public static class ModulesAllowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Module id" };
        var capability = new Argument<string>("capability") { Description = "Unsafe capability the module declares, e.g. raw_midi" };
        var dataDir = ModulesListCommand.DataDirOption();
        var command = new Command("allow", "Allow a module to use one of its unsafe capabilities") { id, capability, dataDir };
        command.SetAction(parseResult => ModulesListCommand.Report("allow",
            ModulesListCommand.Open(parseResult.GetValue(dataDir)).Allow(parseResult.GetValue(id)!, parseResult.GetValue(capability)!)));
        return command;
    }
}
