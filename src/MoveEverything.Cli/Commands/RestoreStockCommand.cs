using System.CommandLine;
using MoveEverything.Boot;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev restore-stock --root DIR [--reboot]`: check the backup's hash, put stock Move back, ask for a reboot.
/// `--reboot` reboots only when DIR is / (on the Move itself), never a desktop.
/// </summary>
public static class RestoreStockCommand
{
    public static Command Create()
    {
        var root = InstallCommand.RootOption();
        var reboot = new Option<bool>("--reboot") { Description = "Reboot right away (only with --root /)" };
        var json = InstallCommand.JsonOption();
        var command = new Command("restore-stock", "Put the verified stock Move program back (keeps Move Everything's files)") { root, reboot, json };
        command.SetAction(parse =>
        {
            var rootPath = Path.GetFullPath(parse.GetValue(root)!);
            var restorer = new StockRestorer(PhysicalFileSystem.Instance, new MoveLayout(rootPath), TimeProvider.System);
            bool rebootNow = parse.GetValue(reboot) && rootPath == "/";
            var result = rebootNow ? restorer.RestoreAndReboot(new SystemRebooter()) : restorer.Restore();
            int code = InstallCommand.Report("restore-stock", result, parse.GetValue(json));
            if (result.Succeeded && !rebootNow && !parse.GetValue(json))
                Console.WriteLine("Reboot the Move to start stock Move" + (parse.GetValue(reboot) ? " (not rebooting: --root is not /)" : "."));
            return code;
        });
        return command;
    }
}
