namespace MoveEverything.Supervisor;

/// <summary>
/// Hands every engine death to several sinks (e.g. the persisted Health registry and a run's own blame list);
/// a module is restored only when every sink allows it, so the strictest policy wins.
/// </summary>
public sealed class TeeCrashSink(params ICrashSink[] sinks) : ICrashSink
{
    public void OnModuleCrashed(EngineDeath death)
    {
        foreach (var sink in sinks) sink.OnModuleCrashed(death);
    }

    public bool MayRestore(string moduleId) => sinks.All(s => s.MayRestore(moduleId));
}
