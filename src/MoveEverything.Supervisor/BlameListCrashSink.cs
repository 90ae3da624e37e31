using System.Collections.Concurrent;

namespace MoveEverything.Supervisor;

/// <summary>Default crash sink when no Health registry is wired: remembers blamed modules and never restores them.</summary>
public sealed class BlameListCrashSink : ICrashSink
{
    private readonly ConcurrentDictionary<string, EngineDeath> _blamed = new();

    public IReadOnlyCollection<EngineDeath> Blamed => _blamed.Values.ToArray();

    public void OnModuleCrashed(EngineDeath death)
    {
        if (death.BlamesModule) _blamed[death.ModuleId] = death;
    }

    public bool MayRestore(string moduleId) => !_blamed.ContainsKey(moduleId);
}
