using MoveEverything.Engine.Process;

namespace MoveEverything.Engine;

/// <summary>
/// Entry point of the engine process (started by the supervisor; see <see cref="EngineArguments"/> for the
/// command line, <see cref="StandbyHost"/> for `standby`). Exit codes: 0 stopped on request, 2 bad arguments,
/// 3 could not start, 4 the supervisor was already gone.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        long entered = LinuxRealtime.NowNanos();
        if (args.Length > 0 && args[0] == Isolation.WorkerArguments.Verb) return Isolation.WorkerMain.Run(args[1..]);
        if (args.Length > 0 && args[0] == Isolation.FutexPingPong.Verb) return Isolation.FutexPingPong.RunChild(args[1..]);
        if (args.Length > 0 && args[0] == BaselineClock.Verb) return BaselineClock.Run(args[1..]);
        if (!ParentDeath.BindToSupervisor())
        {
            Console.Error.WriteLine("MoveEverything.Engine: the supervisor that started this engine is gone");
            return 4;
        }
        if (args.Length > 0 && args[0] == StandbyHost.Verb) return StandbyHost.Run(args[1..]);
        var parsed = EngineArguments.Parse(args);
        if (parsed.Error != null)
        {
            Console.Error.WriteLine($"MoveEverything.Engine: {parsed.Error}");
            return 2;
        }
        return RunEngine(parsed with { EnteredNanos = entered });
    }

    internal static int RunEngine(EngineArguments parsed)
    {
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
