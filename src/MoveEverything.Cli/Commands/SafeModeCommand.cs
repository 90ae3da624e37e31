using System.CommandLine;
using MoveEverything.Boot;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.SafeMode;

namespace MoveEverything.Cli.Commands;

/// <summary>`mev safe-mode --root DIR [--reason TEXT]`: the next boot (only) starts in safe mode.</summary>
public static class SafeModeCommand
{
    public static Command Create()
    {
        var root = InstallCommand.RootOption();
        var reason = new Option<string>("--reason") { Description = "Shown on the safe-mode screen", DefaultValueFactory = _ => "requested with mev safe-mode" };
        var command = new Command("safe-mode", "Start the next boot in safe mode (no third-party modules)") { root, reason };
        command.SetAction(parse =>
        {
            var layout = new MoveLayout(Path.GetFullPath(parse.GetValue(root)!));
            try
            {
                SafeModeFlag.Set(PhysicalFileSystem.Instance, layout, parse.GetValue(reason)!, TimeProvider.System.GetUtcNow());
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"mev safe-mode: cannot write {layout.SafeModeFlag}: {error.Message}");
                return 8;
            }
            Console.WriteLine($"mev safe-mode: the next boot starts in safe mode ({layout.SafeModeFlag})");
            return 0;
        });
        return command;
    }
}
