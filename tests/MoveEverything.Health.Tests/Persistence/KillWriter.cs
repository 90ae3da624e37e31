using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Tests.Persistence;

/// <summary>
/// The child side of the kill -9 test: commits entries forever, rotating over the disable list, the
/// consent file and the trust records, and prints "committed module|consent|trust mod-N" only after the store
/// reported the write durable. The parent kills it with SIGKILL at a random moment.
/// </summary>
public static class KillWriter
{
    public const string Verb = "--kill9-writer";

    public static int Run(string folder, int start)
    {
        var modules = new FileModuleHealthStore(Path.Combine(folder, "modules-health.jsonl"));
        var consent = new ConsentStore(Path.Combine(folder, "consent.jsonl"), TimeProvider.System);
        var trust = new FileTrustStore(Path.Combine(folder, "module-trust.jsonl"));
        for (int i = start; ; i++)
        {
            var id = $"mod-{i}";
            bool ok = (i % 3) switch
            {
                0 => modules.Update(id, r => r with { Disabled = new DisableMark(DisabledBy.User, $"kill test {i}", DateTimeOffset.UtcNow) }, out _).Ok,
                1 => consent.Grant(id, ["raw_midi"], "1.0.0").Ok,
                _ => trust.Update(id, r => MoveEverything.Health.Trust.TrustLedger.CleanLoad(r, id, "1.0.0", DateTimeOffset.UtcNow), out _).Ok,
            };
            if (!ok) return 1;
            Console.Out.WriteLine($"committed {(i % 3) switch { 0 => "module", 1 => "consent", _ => "trust" }} {id}");
            Console.Out.Flush();
        }
    }
}
