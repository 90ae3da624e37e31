using MoveEverything.Boot.Files;
using MoveEverything.Boot.Health;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.SafeMode;
using MoveEverything.Boot.Text;
using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Decision;

/// <summary>
/// One boot, as the launcher runs it: read the inputs, decide, make the new boot state durable (fsync) BEFORE
/// exec, then exec. If the chosen program cannot be exec'd, fall back to stock Move.
/// Reads no hashes (a 20 ms start budget): the backup is trusted by presence and recorded size.
/// </summary>
public sealed class BootSequence(IFileSystem fs, MoveLayout layout, IBootKeys keys, TimeProvider clock, BootOptions options)
{
    public BootInputs ReadInputs()
    {
        var now = clock.GetUtcNow();
        return new BootInputs(
            now,
            InstallJournal.TryRead(fs, layout),
            StockBackupPresent(),
            keys.ReadHeld(options.KeyWindow),
            SafeModeFlag.TryRead(fs, layout),
            BootState.Read(fs, layout, now),
            HealthMark.TryRead(fs, layout),
            HostPointer.Read(fs, layout),
            version => fs.FileExists(layout.HostEntry(version)));
    }

    /// <summary>The decision without any side effect (what <c>mev boot --simulate</c> prints).</summary>
    public BootOutcome Plan() => BootDecider.Decide(ReadInputs(), options);

    /// <summary>Order matters for kill -9: pointer, then boot counter (fsynced), and only then the one-shot flag.</summary>
    public void Persist(BootOutcome outcome, HostPointer before)
    {
        if (outcome.NextPointer != before) outcome.NextPointer.Write(fs, layout);
        outcome.NextState.Write(fs, layout);
        if (outcome.ConsumeSafeModeFlag) SafeModeFlag.Clear(fs, layout);
    }

    public ExecRequest ExecFor(BootOutcome outcome, IReadOnlyList<string> passThrough)
    {
        var decision = outcome.Decision;
        if (decision.Target == BootTarget.Stock || decision.HostVersion is null) return StockExec(passThrough);
        var entry = layout.HostEntry(decision.HostVersion);
        return new ExecRequest(entry, [entry, .. passThrough], BootHandoff.For(layout, outcome.NextState, decision).ToEnvironment().ToList());
    }

    public ExecRequest StockExec(IReadOnlyList<string> passThrough) =>
        new(layout.StockBackup, [layout.StockBinary, .. passThrough], []);

    /// <summary>Decides, persists, execs. Returns only when no exec succeeded (then with the errors), or from a test double.</summary>
    public (BootOutcome Outcome, string? Error) Boot(IExec exec, IReadOnlyList<string> passThrough)
    {
        var inputs = ReadInputs();
        var outcome = BootDecider.Decide(inputs, options);
        Persist(outcome, inputs.Pointer);
        var request = ExecFor(outcome, passThrough);
        var error = exec.Exec(request);
        if (error is null || request.Path == layout.StockBackup) return (outcome, error);
        var fallback = exec.Exec(StockExec(passThrough));
        return (outcome, fallback is null ? null : error + "; " + fallback);
    }

    private bool StockBackupPresent()
    {
        if (!fs.FileExists(layout.StockBackup)) return false;
        if (!fs.FileExists(layout.Manifest)) return true;
        var recorded = KeyValueFormat.Parse(fs.ReadAllBytes(layout.Manifest))?.Long("stock_size");
        return recorded is null || fs.FileLength(layout.StockBackup) == recorded;
    }
}
