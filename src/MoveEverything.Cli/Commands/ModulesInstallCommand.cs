using System.CommandLine;
using MoveEverything.Modules.Installation;
using MoveEverything.Storage;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev modules install DIR [--data-dir DIR]`: install a module folder for this host, checked against the
/// compatibility contract first (fail closed: exit 1 with the reason, nothing copied).
/// </summary>
public static class ModulesInstallCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "The module folder (with module.json)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "State root (default: the host's data folder)" };
        var command = new Command("install", "Install a module folder after checking it against this host") { dir, dataDir };
        command.SetAction(parseResult =>
        {
            var data = parseResult.GetValue(dataDir) is { } d ? new DataPaths(d) : DataPaths.Default();
            var result = ModuleInstaller.Install(parseResult.GetValue(dir)!.FullName, data.Modules);
            (result.Installed ? Console.Out : Console.Error).WriteLine(
                result.Installed ? $"{result.Reason} at {result.Destination}" : $"mev modules install: {result.Reason}");
            return result.Installed ? 0 : 1;
        });
        return command;
    }
}
