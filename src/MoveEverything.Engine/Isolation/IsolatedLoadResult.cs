using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// Outcome of an isolated load: the adapter, or the loader's typed refusal (wrong version, missing symbol, …)
/// as the worker reported it, or a fault of the worker while loading (crash in create_instance, hang, no start).
/// Exactly one is non-null.
/// </summary>
public sealed record IsolatedLoadResult(IsolatedPlugin? Isolated, PluginLoadFailure? Failure, WorkerFault? Fault)
{
    public bool Succeeded => Isolated is not null;
    public NativePlugin? Plugin => Isolated?.Plugin;

    /// <summary>One sentence for logs and the status.</summary>
    public string Describe() => Isolated is not null ? $"{Isolated.ModuleId} runs isolated"
        : Failure?.Reason ?? Fault!.Describe();
}
