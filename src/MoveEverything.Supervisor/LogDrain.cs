using Microsoft.Extensions.Logging;
using MoveEverything.Ipc;

namespace MoveEverything.Supervisor;

/// <summary>Moves engine log records from the control channel's rings into Microsoft.Extensions.Logging.</summary>
public sealed class LogDrain(ILogger logger)
{
    public long Drained { get; private set; }

    /// <summary>Raised for every drained record, on the draining thread (the supervisor reads start-up phases from it).</summary>
    public event Action<LogRecord>? Observed;

    public void Drain(ControlChannel channel)
    {
        Drain(channel.BlockLog, "block");
        Drain(channel.ControlLog, "control");
    }

    private void Drain(SpscRing<LogRecord> ring, string thread)
    {
        while (ring.TryRead(out var record))
        {
            Drained++;
            Observed?.Invoke(record);
            var level = record.Level <= (byte)LogLevel.None ? (LogLevel)record.Level : LogLevel.Information;
            if (logger.IsEnabled(level))
                logger.Log(level, new EventId((int)record.Event, record.Event.ToString()), "[engine {Thread}] {Message}", thread, EngineLogCatalog.Format(record));
        }
    }
}
