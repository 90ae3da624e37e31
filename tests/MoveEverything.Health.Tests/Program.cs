using MoveEverything.Health.Tests.Persistence;

namespace MoveEverything.Health.Tests;

/// <summary>Entry point used only when the kill -9 test starts this assembly as a child writer.</summary>
public static class Program
{
    public static int Main(string[] args) =>
        args.Length == 3 && args[0] == KillWriter.Verb ? KillWriter.Run(args[1], int.Parse(args[2])) : 2;
}
