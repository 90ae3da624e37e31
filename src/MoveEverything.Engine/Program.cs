using MoveEverything.Engine.Process;

namespace MoveEverything.Engine;

/// <summary>
/// Entry point of the engine process (started by the supervisor; see <see cref="EngineArguments"/> for the
/// command line). Exit codes: 0 stopped on request, 2 bad arguments, 3 could not start.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Isolation.WorkerArguments.Verb) return Isolation.WorkerMain.Run(args[1..]);
        if (args.Length > 0 && args[0] == Isolation.FutexPingPong.Verb) return Isolation.FutexPingPong.RunChild(args[1..]);
        if (args.Length > 0 && args[0] == BaselineClock.Verb) return BaselineClock.Run(args[1..]);
        var parsed = EngineArguments.Parse(args);
        if (parsed.Error != null)
        {
            Console.Error.WriteLine($"MoveEverything.Engine: {parsed.Error}");
            return 2;
        }
        try
        {
            return new EngineHost(parsed).Run();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"MoveEverything.Engine: cannot start: {e.Message}");
            return 3;
        }
    }
}
