using System.CommandLine;

namespace MoveEverything.Cli.Commands;

/// <summary>`mev bench …`: benchmarks that print figures (medians, p99, ratios). One subcommand per file.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Run a benchmark and print its figures");
        foreach (var sub in Subcommands()) bench.Subcommands.Add(sub);
        return bench;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return BenchScanCommand.Create();
        yield return BenchEngineCommand.Create();
        yield return BenchChurnCommand.Create();
        yield return BenchRecoveryCommand.Create();
    }
}
