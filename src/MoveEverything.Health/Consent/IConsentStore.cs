using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Consent;

/// <summary>
/// Durable consent per module and unsafe capability. Contract (tested against both implementations):
/// a grant or revoke returns only once durable; granting again updates the version and time; grants of
/// other modules and capabilities are never touched; loading never throws.
/// </summary>
public interface IConsentStore
{
    StateLoad<ConsentGrant> LoadAll();
    IReadOnlyList<ConsentGrant> GrantsOf(string moduleId);
    PersistResult Grant(string moduleId, IEnumerable<string> capabilities, string moduleVersion);
    PersistResult Revoke(string moduleId, string capability);
}
