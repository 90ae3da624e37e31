using System.CommandLine;
using MoveEverything.Boot;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;

namespace MoveEverything.Cli.Commands;

/// <summary>`mev uninstall --root DIR [--keep-data]`: stock Move back byte-identical, Move Everything removed.</summary>
public static class UninstallCommand
{
    public static Command Create()
    {
        var root = InstallCommand.RootOption();
        var keepData = new Option<bool>("--keep-data") { Description = "Keep modules, module data and guardrail state" };
        var json = InstallCommand.JsonOption();
        var command = new Command("uninstall", "Restore stock Move byte for byte and remove Move Everything") { root, keepData, json };
        command.SetAction(parse =>
        {
            var layout = new MoveLayout(Path.GetFullPath(parse.GetValue(root)!));
            var result = new Uninstaller(PhysicalFileSystem.Instance, layout, TimeProvider.System).Uninstall(parse.GetValue(keepData));
            return InstallCommand.Report("uninstall", result, parse.GetValue(json));
        });
        return command;
    }
}
