using System.CommandLine;

namespace MoveEverything.Cli;

/// <summary>Entry point of `./mev`. Each verb lives in its own *Command.cs file under Commands/.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Move Everything for .NET: run modules on Ableton Move or a simulated Move.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root.Parse(args).Invoke();
    }
}
