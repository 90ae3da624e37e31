using MoveEverything.Boot.Install;
using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.KillHelper;

/// <summary>
/// Usage: <c>KillHelper (install|update|uninstall|serve) ROOT [PAYLOAD] [PAUSE_MS] [KILL_AT_POINT]</c>. Prints "go"
/// before starting, then "done EXITCODE points N" (N: the paced filesystem's points, see <see cref="PacedFileSystem"/>). <c>serve</c> reads one command per line from stdin (same arguments) so the runtime is started
/// once and warmed: the kill test starts a helper, sends one command, kills it at a random instant.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "serve")
        {
            Console.Out.WriteLine("ready");
            Console.Out.Flush();
            var line = Console.In.ReadLine();
            if (line is null) return 0;
            args = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        if (args.Length < 2) { Console.Error.WriteLine("usage: (install|update|uninstall) ROOT [PAYLOAD] [PAUSE_MS]"); return 2; }
        var pause = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3]) : 1);
        var fs = new PacedFileSystem(pause, args.Length > 4 ? int.Parse(args[4]) : 0);
        var layout = new MoveLayout(args[1]);
        Console.Out.WriteLine("go");
        Console.Out.Flush();
        var result = args[0] switch
        {
            "install" => new Installer(fs, layout, TimeProvider.System).Install(args[2]),
            "update" => new HostUpdater(fs, layout, TimeProvider.System).Stage(args[2]),
            "uninstall" => new Uninstaller(fs, layout, TimeProvider.System).Uninstall(keepData: args.Length > 2 && args[2] == "keep-data"),
            _ => throw new ArgumentException($"unknown operation {args[0]}"),
        };
        Console.Out.WriteLine($"done {result.ExitCode} points {fs.Points} {result.Error}");
        return result.ExitCode;
    }
}
