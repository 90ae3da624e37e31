using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;

namespace MoveEverything.Boot.Decision;

/// <summary>
/// Predicts the next boot without changing anything (for <c>mev boot --simulate</c> and the kill -9 tests): identifies
/// the program at /opt/move/Move by hash, runs the launcher's decision on the current files, and checks that the
/// chosen program exists (the stock backup must also match its recorded hash).
/// </summary>
public sealed class BootSimulator(IFileSystem fs, MoveLayout layout, IBootKeys keys, TimeProvider clock, BootOptions options)
{
    public SimulatedBoot Simulate()
    {
        var move = FileHash.TryOf(fs, layout.StockBinary);
        if (move is null)
            return Stock("missing", "nothing to start", [$"{layout.StockBinary} does not exist: the Move would not start"]);
        StockManifest? manifest;
        try { manifest = StockManifest.TryRead(fs, layout); }
        catch (BootFailure failure) { return Stock("unknown", failure.Error.Message, [failure.Error.Message]); }

        var launchers = StockGuard.KnownLaunchers(fs, layout, manifest, null);
        if (!launchers.Contains(move.Value.Sha256))
        {
            bool recordedStock = manifest is null || manifest.Stock == move;
            var reason = recordedStock
                ? $"{layout.StockBinary} is stock Move (Move Everything's launcher is not installed)"
                : $"{layout.StockBinary} is not the launcher and not the recorded stock binary (a firmware update?): it starts as is";
            return new SimulatedBoot(recordedStock ? "stock" : "unknown",
                Decision(BootTarget.Stock, BootTrigger.NotInstalled, reason), layout.StockBinary, []);
        }

        var sequence = new BootSequence(fs, layout, keys, clock, options);
        var outcome = sequence.Plan();
        var exec = sequence.ExecFor(outcome, []);
        var problems = new List<string>();
        if (!fs.FileExists(exec.Path)) problems.Add($"the launcher would exec {exec.Path}, which does not exist");
        else if (exec.Path == layout.StockBackup && (manifest is null || FileHash.Of(fs, exec.Path) != manifest.Stock))
            problems.Add($"the stock backup {exec.Path} does not match the manifest");
        return new SimulatedBoot("launcher", outcome.Decision, exec.Path, problems);
    }

    private static SimulatedBoot Stock(string program, string reason, IReadOnlyList<string> problems) =>
        new(program, Decision(BootTarget.Stock, BootTrigger.NotInstalled, reason), null, problems);

    private static BootDecision Decision(BootTarget target, BootTrigger trigger, string reason) => new(target, trigger, reason, null, []);
}
