using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Consent;

/// <summary>In-memory twin of <see cref="ConsentStore"/> for tests.</summary>
public sealed class InMemoryConsentStore(TimeProvider clock) : IConsentStore
{
    private readonly List<ConsentGrant> _grants = [];

    public StateLoad<ConsentGrant> LoadAll()
    {
        lock (_grants) return new(_grants.ToList(), []);
    }

    public IReadOnlyList<ConsentGrant> GrantsOf(string moduleId)
    {
        lock (_grants) return _grants.Where(g => g.ModuleId == moduleId).ToList();
    }

    public PersistResult Grant(string moduleId, IEnumerable<string> capabilities, string moduleVersion)
    {
        lock (_grants)
            foreach (var capability in capabilities.Distinct(StringComparer.Ordinal))
            {
                _grants.RemoveAll(g => g.ModuleId == moduleId && g.Capability == capability);
                _grants.Add(new ConsentGrant(moduleId, capability, moduleVersion, clock.GetUtcNow()));
            }
        return PersistResult.Success;
    }

    public PersistResult Revoke(string moduleId, string capability)
    {
        lock (_grants) _grants.RemoveAll(g => g.ModuleId == moduleId && g.Capability == capability);
        return PersistResult.Success;
    }
}
