namespace MoveEverything.Ipc;

/// <summary>State of one chain position as the engine sees it (wire: int32 in <see cref="ModuleStatus"/>).</summary>
public enum ModuleRunState
{
    Empty = 0,
    Loading = 1,
    Running = 2,
    /// <summary>Load failed; <see cref="ModuleStatus.Reason"/> holds the <see cref="LoadResultCode"/>.</summary>
    Failed = 3,
    /// <summary>Blamed for an engine crash or hang and not restored.</summary>
    Crashed = 4,
    /// <summary>Skipped in render (over its CPU budget or by request).</summary>
    Bypassed = 5,
}
