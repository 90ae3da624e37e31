using System.CommandLine;
using System.Diagnostics;

namespace MoveEverything.Cli.Commands;

/// <summary>
/// `mev bench churn --seconds S` (hidden): allocates short-lived and some surviving objects as fast as it can, so
/// its GCs run beside the engine — a stand-in for the JS UI host. Prints nothing; exits after S seconds.
/// </summary>
public static class BenchChurnCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { DefaultValueFactory = _ => 60 };
        var command = new Command("churn", "Allocate heavily (load generator for bench engine)") { seconds };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var survivors = new object[4096];
            long n = 0;
            while (clock.Elapsed.TotalSeconds < parse.GetValue(seconds))
            {
                var garbage = new List<string>(64);
                for (int i = 0; i < 64; i++) garbage.Add(new string('x', 16 + i));
                survivors[n++ & 4095] = new byte[256 + (int)(n & 1023)]; // some objects live long enough to be promoted
            }
            return 0;
        });
        return command;
    }
}
