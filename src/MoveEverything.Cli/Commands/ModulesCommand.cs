using System.CommandLine;

namespace MoveEverything.Cli.Commands;

/// <summary>`mev modules …`: scan, list, enable, disable, allow, install, remove. One subcommand per file.</summary>
public static class ModulesCommand
{
    public static Command Create()
    {
        var modules = new Command("modules", "Inspect and manage modules");
        foreach (var sub in Subcommands()) modules.Subcommands.Add(sub);
        return modules;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return ModulesScanCommand.Create();
        yield return ModulesListCommand.Create();
        yield return ModulesEnableCommand.Create();
        yield return ModulesDisableCommand.Create();
        yield return ModulesAllowCommand.Create();
        yield return ModulesInstallCommand.Create();
        yield return ModulesRemoveCommand.Create();
    }
}
