namespace MoveEverything.Ipc;

/// <summary>Typed outcome of a plugin load or unload, carried in <see cref="EngineEvent.Code"/> and the status block.</summary>
public enum LoadResultCode
{
    Ok = 0,
    FileNotFound = 1,
    /// <summary>dlopen failed: not a shared object, wrong architecture, missing dependency.</summary>
    OpenFailed = 2,
    /// <summary>None of the expected entry symbols is exported.</summary>
    MissingSymbol = 3,
    /// <summary>The returned API struct has an api_version the host does not speak.</summary>
    WrongApiVersion = 4,
    /// <summary>create_instance returned NULL.</summary>
    CreateInstanceFailed = 5,
    /// <summary>Slot or position out of range, or the position is of the wrong kind.</summary>
    InvalidSlot = 6,
    /// <summary>The module was blamed for an engine crash or hang.</summary>
    Crashed = 7,
    /// <summary>The module was refused (disabled, incompatible) before loading.</summary>
    Refused = 8,
    /// <summary>The control thread's request queue was full.</summary>
    Busy = 9,
    /// <summary>The module's isolated DSP worker crashed, hung or exited; the engine played on (restarted with backoff).</summary>
    WorkerFaulted = 10,
    Unknown = 255,
}

public static class LoadResultCodeText
{
    /// <summary>A short sentence a user can read.</summary>
    public static string Describe(LoadResultCode code) => code switch
    {
        LoadResultCode.Ok => "loaded",
        LoadResultCode.FileNotFound => "plugin file not found",
        LoadResultCode.OpenFailed => "plugin file could not be opened as a shared library",
        LoadResultCode.MissingSymbol => "plugin exports no known entry point",
        LoadResultCode.WrongApiVersion => "plugin speaks an unsupported API version",
        LoadResultCode.CreateInstanceFailed => "plugin refused to create an instance",
        LoadResultCode.InvalidSlot => "no such slot or position",
        LoadResultCode.Crashed => "module crashed or hung the engine",
        LoadResultCode.Refused => "module refused by policy",
        LoadResultCode.Busy => "engine control queue full; try again",
        LoadResultCode.WorkerFaulted => "module crashed or hung in its isolated worker; the engine played on",
        _ => "unknown failure",
    };
}
