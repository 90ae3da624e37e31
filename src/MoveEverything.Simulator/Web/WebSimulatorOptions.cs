using Microsoft.Extensions.Logging;

namespace MoveEverything.Simulator.Web;

/// <summary>Every limit and setting of the web simulator, in one place.</summary>
public sealed record WebSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1. Default 7700; 0 picks any free port (see <see cref="RunningWebSimulator.Url"/>).</summary>
    public int Port { get; init; } = 7700;

    /// <summary>How often each connected page gets LED, display and audio updates. Default 15 ms.</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>Largest input message accepted from a page, in bytes. Default 1024; longer ones are ignored and counted.</summary>
    public int MaxInputMessageBytes { get; init; } = 1024;

    /// <summary>Pages connected at once, at most. Default 8; more get HTTP 503.</summary>
    public int MaxClients { get; init; } = 8;

    /// <summary>Where the web server logs (Kestrel and sessions). Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Throws when a value is out of range; called once at start.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "TCP port is 0–65535");
        if (UpdateInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(UpdateInterval), UpdateInterval, "must be positive");
        if (MaxInputMessageBytes < 64) throw new ArgumentOutOfRangeException(nameof(MaxInputMessageBytes), MaxInputMessageBytes, "must be at least 64");
        if (MaxClients < 1) throw new ArgumentOutOfRangeException(nameof(MaxClients), MaxClients, "must be positive");
    }
}
