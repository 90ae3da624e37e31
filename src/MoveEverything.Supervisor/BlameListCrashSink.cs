using System.Collections.Concurrent;

namespace MoveEverything.Supervisor;

/// <summary>Default crash sink when no Health registry is wired: remembers blamed modules and never restores them.</summary>
public sealed class BlameListCrashSink : ICrashSink
{
    private readonly ConcurrentDictionary<string, CrashFingerprint> _blamed = new();

    public IReadOnlyCollection<CrashFingerprint> Blamed => _blamed.Values.ToArray();

    public void OnModuleCrashed(CrashFingerprint fingerprint)
    {
        if (fingerprint.BlamesModule) _blamed[fingerprint.ModuleId] = fingerprint;
    }

    public bool MayRestore(string moduleId) => !_blamed.ContainsKey(moduleId);
}
