using System.Runtime.InteropServices;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// The first 256 bytes of a worker's shared memory (<see cref="WorkerLayout"/>). Who writes what:
/// the engine writes <see cref="RequestWord"/>, <see cref="LatestRequest"/> (block thread) and <see cref="State"/>
/// only while no worker runs (watchdog, before a spawn); the worker writes everything else.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
public struct WorkerHeader
{
    public const uint MagicValue = 0x4D45574B; // "MEWK"
    public const int Version = 2;

    [FieldOffset(0)] public uint Magic;
    [FieldOffset(4)] public int LayoutVersion;
    /// <summary>Futex word: low 32 bits of <see cref="LatestRequest"/>, written after it (release).</summary>
    [FieldOffset(8)] public int RequestWord;
    /// <summary><see cref="WorkerState"/> as int.</summary>
    [FieldOffset(12)] public int State;
    /// <summary>The newest request number the engine published.</summary>
    [FieldOffset(16)] public long LatestRequest;
    /// <summary>Incremented by the worker after every answer and every idle wake-up; frozen = hung.</summary>
    [FieldOffset(24)] public long Heartbeat;
    /// <summary>Answers the worker wrote.</summary>
    [FieldOffset(32)] public long Answered;
    /// <summary>Requests the worker skipped (a newer one was waiting) or whose input was overwritten while it worked.</summary>
    [FieldOffset(40)] public long Skipped;
    [FieldOffset(48)] public int WorkerPid;
    /// <summary>On <see cref="WorkerState.LoadFailed"/>: the <see cref="Plugins.PluginLoadFailureKind"/>.</summary>
    [FieldOffset(52)] public int FailureKind;
    [FieldOffset(56)] public long FailureFound;
    [FieldOffset(64)] public long FailureExpected;
    /// <summary>Bytes of UTF-8 in the reason area.</summary>
    [FieldOffset(72)] public int ReasonLength;
    /// <summary>The worker's last render (or process) call, Stopwatch ticks.</summary>
    [FieldOffset(80)] public long LastRenderTicks;
    /// <summary>The worker's slowest call so far, Stopwatch ticks.</summary>
    [FieldOffset(88)] public long MaxRenderTicks;
}

/// <summary>Lifecycle of one worker as seen in <see cref="WorkerHeader.State"/>.</summary>
public enum WorkerState
{
    /// <summary>No worker (never started, or dead and waiting for its restart). The slot is silent.</summary>
    Down = 0,
    /// <summary>Process started, loading the plugin.</summary>
    Starting = 1,
    /// <summary>Plugin loaded; answering requests.</summary>
    Ready = 2,
    /// <summary>The loader refused the plugin (typed failure in the header); the worker exited.</summary>
    LoadFailed = 3,
}
