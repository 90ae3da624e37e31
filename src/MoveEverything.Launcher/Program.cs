using MoveEverything.Boot;
using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;

namespace MoveEverything.Launcher;

/// <summary>
/// The program at /opt/move/Move, published NativeAOT. Each boot: decide stock | normal | safe, make the boot counter
/// durable, exec the chosen program. Options (all others are passed through to the program it execs):
/// <c>--root DIR</c> (default: the prefix of ROOT/opt/move/Move it was started from, else /),
/// <c>--dry-run</c> (print the decision as key=value lines, change nothing, exec nothing),
/// <c>--keys-file FILE</c> (held-keys stub; default ROOT/data/UserData/move-everything/boot/held-keys).
/// Exit codes, only reached when no exec succeeded: 0 dry run, 70 nothing could be started.
/// </summary>
public static class Program
{
    private const int NothingStarted = 70;

    public static int Main(string[] args)
    {
        var (root, dryRun, keysFile, passThrough) = ParseArguments(args);
        var layout = new MoveLayout(root);
        var exec = new PosixExec();
        try
        {
            var keys = new FileBootKeys(keysFile ?? layout.HeldKeysFile);
            var sequence = new BootSequence(PhysicalFileSystem.Instance, layout, keys, TimeProvider.System, BootOptions.Default);
            if (dryRun) return PrintPlan(sequence);
            var (outcome, error) = sequence.Boot(exec, passThrough); // returns only when no exec succeeded
            Console.Error.WriteLine($"move-everything launcher: {outcome.Decision.TargetName} ({outcome.Decision.Reason}) could not start: {error}");
            return NothingStarted;
        }
        catch (Exception error) // the launcher's one failure boundary: whatever broke, try stock Move
        {
            Console.Error.WriteLine($"move-everything launcher: {error.GetType().Name}: {error.Message}; starting stock Move");
            if (dryRun) return NothingStarted;
            var failure = exec.Exec(new ExecRequest(layout.StockBackup, [layout.StockBinary, .. passThrough], []));
            Console.Error.WriteLine($"move-everything launcher: {failure}");
            return NothingStarted;
        }
    }

    private static int PrintPlan(BootSequence sequence)
    {
        var outcome = sequence.Plan();
        var decision = outcome.Decision;
        var exec = sequence.ExecFor(outcome, []);
        Console.Out.Write(
            $"decision={decision.TargetName}\ntrigger={decision.Trigger}\nreason={decision.Reason}\n" +
            $"host_version={decision.HostVersion}\nexec={exec.Path}\nboot_id={outcome.NextState.BootCount}\n");
        foreach (var note in decision.Notes) Console.Out.Write($"note={note}\n");
        return 0;
    }

    private static (string Root, bool DryRun, string? KeysFile, List<string> PassThrough) ParseArguments(string[] args)
    {
        string? root = null, keysFile = null;
        bool dryRun = false;
        var passThrough = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root" when i + 1 < args.Length: root = args[++i]; break;
                case "--keys-file" when i + 1 < args.Length: keysFile = args[++i]; break;
                case "--dry-run": dryRun = true; break;
                default: passThrough.Add(args[i]); break;
            }
        }
        root ??= MoveLayout.RootFromLauncherPath(Environment.ProcessPath) ?? "/";
        return (root, dryRun, keysFile, passThrough);
    }
}
