namespace MoveEverything.Boot.Health;

/// <summary>
/// One observation by the host: cumulative engine blocks and missed blocks since the engine started, and when the
/// UI host last answered its heartbeat (null: never).
/// </summary>
public readonly record struct HealthSample(DateTimeOffset At, long EngineBlocks, long MissedBlocks, DateTimeOffset? LastUiHeartbeat);
