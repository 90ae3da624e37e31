using System.CommandLine;
using System.Text.Json.Nodes;
using MoveEverything.Boot;
using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev boot --root DIR --simulate [--json] [--keys shift+back]`: the decision the launcher would take at the next
/// power-on and why. Changes nothing. Exit 0 when the device would start, 1 when something would stop it.
/// </summary>
public static class BootCommand
{
    public static Command Create()
    {
        var root = InstallCommand.RootOption();
        var simulate = new Option<bool>("--simulate") { Description = "Predict the next boot without changing anything (required)" };
        var keys = new Option<string?>("--keys") { Description = "Keys held at power-on, e.g. shift+back (default: the held-keys stub file)" };
        var json = InstallCommand.JsonOption();
        var command = new Command("boot", "Show what the launcher would start at the next boot, and why") { root, simulate, keys, json };
        command.SetAction(parse =>
        {
            if (!parse.GetValue(simulate))
            {
                Console.Error.WriteLine("mev boot: only --simulate is supported here; real boots are made by the launcher at /opt/move/Move");
                return 2;
            }
            var layout = new MoveLayout(Path.GetFullPath(parse.GetValue(root)!));
            IBootKeys held = parse.GetValue(keys) is { } list ? new FixedKeys(FileBootKeys.Parse(list)) : new FileBootKeys(layout.HeldKeysFile);
            var boot = new BootSimulator(PhysicalFileSystem.Instance, layout, held, TimeProvider.System, BootOptions.Default).Simulate();
            Print(boot, parse.GetValue(json));
            return boot.Boots ? 0 : 1;
        });
        return command;
    }

    private static void Print(SimulatedBoot boot, bool json)
    {
        var d = boot.Decision;
        if (json)
        {
            var notes = new JsonArray();
            foreach (var n in d.Notes) notes.Add(n);
            var problems = new JsonArray();
            foreach (var p in boot.Problems) problems.Add(p);
            Console.WriteLine(new JsonObject
            {
                ["decision"] = d.TargetName, ["reason"] = d.Reason, ["trigger"] = d.Trigger.ToString(),
                ["hostVersion"] = d.HostVersion, ["installedProgram"] = boot.InstalledProgram, ["exec"] = boot.ExecPath,
                ["boots"] = boot.Boots, ["notes"] = notes, ["problems"] = problems,
            }.ToJsonString(InstallCommand.JsonOutput));
            return;
        }
        Console.WriteLine($"decision: {d.TargetName}");
        Console.WriteLine($"reason:   {d.Reason}");
        if (d.HostVersion is not null) Console.WriteLine($"host:     {d.HostVersion}");
        if (boot.ExecPath is not null) Console.WriteLine($"exec:     {boot.ExecPath}");
        foreach (var n in d.Notes) Console.WriteLine($"note:     {n}");
        foreach (var p in boot.Problems) Console.WriteLine($"PROBLEM:  {p}");
    }

    private sealed class FixedKeys(IReadOnlySet<MoveKey> keys) : IBootKeys
    {
        public IReadOnlySet<MoveKey> ReadHeld(TimeSpan window) => keys;
    }
}
