using System.CommandLine;

namespace MoveEverything.Cli;

/// <summary>
/// The list of top-level verbs. Each verb is built by a static Create() in Commands/*.cs;
/// adding a verb = one file there + one line here.
/// </summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return Commands.BenchCommand.Create();
        yield return Commands.ModulesCommand.Create();
        yield return Commands.SimCommand.Create();
        yield return Commands.InstallCommand.Create();
        yield return Commands.UninstallCommand.Create();
        yield return Commands.BootCommand.Create();
        yield return Commands.SafeModeCommand.Create();
        yield return Commands.RestoreStockCommand.Create();
        yield return Commands.ValidateCommand.Create();
    }
}
