namespace MoveEverything.Ipc;

/// <summary>Readable names of the signals a plugin fault ends in; one table for the engine, supervisor and UI host.</summary>
public static class SignalNames
{
    /// <summary>"SIGSEGV" for 11 and so on; "signal N" for others; null when there was no signal.</summary>
    public static string? Of(int? signal) => signal switch
    {
        6 => "SIGABRT", 7 => "SIGBUS", 9 => "SIGKILL", 11 => "SIGSEGV", 4 => "SIGILL", 8 => "SIGFPE", 15 => "SIGTERM",
        null or 0 => null, _ => $"signal {signal}",
    };
}
