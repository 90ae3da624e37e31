using MoveEverything.Health.Consent;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Tests.Persistence;

/// <summary>
/// The child side of the kill -9 test: commits entries forever, alternating the disable list and the
/// consent file, and prints "committed module mod-N" / "committed consent mod-N" only after the store
/// reported the write durable. The parent kills it with SIGKILL at a random moment.
/// </summary>
public static class KillWriter
{
    public const string Verb = "--kill9-writer";

    public static int Run(string folder, int start)
    {
        var modules = new FileModuleHealthStore(Path.Combine(folder, "modules-health.jsonl"));
        var consent = new ConsentStore(Path.Combine(folder, "consent.jsonl"), TimeProvider.System);
        for (int i = start; ; i++)
        {
            var id = $"mod-{i}";
            bool ok = i % 2 == 0
                ? modules.Update(id, r => r with { Disabled = new DisableMark(DisabledBy.User, $"kill test {i}", DateTimeOffset.UtcNow) }, out _).Ok
                : consent.Grant(id, ["raw_midi"], "1.0.0").Ok;
            if (!ok) return 1;
            Console.Out.WriteLine($"committed {(i % 2 == 0 ? "module" : "consent")} {id}");
            Console.Out.Flush();
        }
    }
}
