namespace MoveEverything.Supervisor;

/// <summary>
/// Receives the blame after an engine death. The Health registry implements it (strikes, disable list);
/// <see cref="MayRestore"/> lets it keep a module out of the restarted chain.
/// </summary>
public interface ICrashSink
{
    void OnModuleCrashed(EngineDeath death);

    /// <summary>Whether a module may be loaded again when the engine restarts. Default policy: not the one just blamed.</summary>
    bool MayRestore(string moduleId);
}
