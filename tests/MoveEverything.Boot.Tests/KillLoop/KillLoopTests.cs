using System.Diagnostics;
using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Health;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.Tests.Support;
using MoveEverything.Boot.Updates;
using Xunit.Abstractions;

namespace MoveEverything.Boot.Tests.KillLoop;

/// <summary>
/// SIGKILL during install, update and uninstall at ≥ 200 random points, in child processes. Three kills in four
/// are sent by the child to itself at a random numbered point of its paced filesystem (before a mutation or
/// between copy chunks), so every point is reachable whatever the machine's load; one in four is sent by the test
/// after a random delay (adapted to the operation's measured length), which also lands inside system calls. After every kill: the device boots stock Move or Move Everything (launcher decision + the chosen
/// program exists, the stock backup matches its hash), the original stock bytes exist at /opt/move/Move or in the
/// backup, and running the operation again completes.
/// </summary>
public sealed class KillLoopTests(ITestOutputHelper output) : IDisposable
{
    private const int RequiredKills = 200;
    private const int MaxIterations = 450;
    private static readonly string[] Versions = ["1.0.0", "2.0.0", "3.0.0"];
    private readonly TestMove _move = new(stockSize: 256 * 1024, seed: 5);
    private readonly Dictionary<string, double> _durationMs = new();
    private readonly Dictionary<string, int> _points = new();

    private MoveLayout Layout => _move.Layout;
    private IFileSystem Fs => PhysicalFileSystem.Instance;

    [Fact]
    public void Kill9_at_random_points_always_leaves_a_bootable_move_and_a_rerun_completes()
    {
        int seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        int kills = 0, iterations = 0;
        var perOp = new Dictionary<string, int>();
        var spare = HelperProcess.Start();
        try
        {
            foreach (var op in new[] { "install", "update", "uninstall" }) Calibrate(ref spare, op);
            while (kills < RequiredKills && iterations++ < MaxIterations)
            {
                var (op, argument) = NextOperation(random);
                var helper = spare;
                spare = HelperProcess.Start();
                helper.WaitReady();
                bool timed = iterations % 4 == 0;
                int killAt = timed ? 0 : random.Next(1, _points[op] + 1);
                helper.Run($"{op} {Layout.Root} {argument} {(timed ? 1 : 0)} {killAt}");
                bool interrupted = timed ? KillAfterRandomDelay(helper, op, random) : WaitForSelfKill(helper, op);
                helper.Dispose();
                var context = $"after kill #{kills} during {op} {argument} at {(timed ? "a random instant" : $"point {killAt}")} (seed {seed}, iteration {iterations})";
                AssertBootable(context);
                Rerun(op, argument, context);
                if (interrupted) { kills++; perOp[op] = perOp.GetValueOrDefault(op) + 1; }
                if (op == "update" && random.Next(2) == 0) BootHealthyTwice();
            }
        }
        finally
        {
            spare.Dispose();
        }
        output.WriteLine($"{kills} kills in {iterations} iterations, {watch.Elapsed.TotalSeconds:0.0} s; " +
                         string.Join(", ", perOp.Select(p => $"{p.Key} {p.Value}")));
        Assert.True(kills >= RequiredKills, $"only {kills} kills interrupted an operation in {iterations} iterations");
    }

    /// <summary>One uninterrupted run per operation measures how long it takes, so kill delays spread over its whole length.</summary>
    private void Calibrate(ref HelperProcess spare, string op)
    {
        if (op == "update") EnsureInstalled();
        var (_, argument) = op switch
        {
            "install" => ("install", _move.Payload("1.0.0", "1.0.0")),
            "update" => ("update", _move.Payload(OtherVersion(), OtherVersion())),
            _ => ("uninstall", "all"),
        };
        var helper = spare;
        spare = HelperProcess.Start();
        helper.WaitReady();
        var watch = Stopwatch.StartNew();
        helper.Run($"{op} {Layout.Root} {argument} 1 0");
        var said = helper.WaitDone();
        _durationMs[op] = Math.Max(5, watch.Elapsed.TotalMilliseconds);
        helper.Dispose();
        Assert.Contains("done 0", said);
        _points[op] = PointsIn(said);
        output.WriteLine($"{op}: {_durationMs[op]:0} ms and {_points[op]} points uninterrupted (paced)");
    }

    private bool KillAfterRandomDelay(HelperProcess helper, string op, Random random)
    {
        Thread.Sleep(TimeSpan.FromMilliseconds(random.NextDouble() * _durationMs[op] * 1.1));
        bool interrupted = helper.Kill();
        _durationMs[op] = Math.Max(5, _durationMs[op] * (interrupted ? 1.05 : 0.8)); // track the machine's load
        return interrupted;
    }

    /// <summary>The child kills itself at the chosen point; when the operation had fewer points it completes instead.</summary>
    private bool WaitForSelfKill(HelperProcess helper, string op)
    {
        var said = helper.WaitDone();
        if (!said.Contains("done")) return true;
        // Operations have fewer points from some states (a re-install copies no backup): shrink slowly, never below this run.
        _points[op] = Math.Max(PointsIn(said), (int)(_points[op] * 0.9));
        return false;
    }

    private static int PointsIn(string said)
    {
        var words = said.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        int at = Array.IndexOf(words, "points");
        return at >= 0 && at + 1 < words.Length && int.TryParse(words[at + 1], out var n) ? n : 1;
    }

    private (string Op, string Argument) NextOperation(Random random)
    {
        bool installed = !_move.MoveIsStock;
        if (!installed) return ("install", Payload(Versions[random.Next(Versions.Length)]));
        return random.Next(100) switch
        {
            < 45 => ("update", Payload(OtherVersion())),
            < 75 => ("uninstall", random.Next(2) == 0 ? "keep-data" : "all"),
            _ => ("install", Payload(Versions[random.Next(Versions.Length)])),
        };
    }

    /// <summary>Each version brings its own launcher bytes, so re-installs also replace /opt/move/Move.</summary>
    private string Payload(string version) => _move.Payload(version, version);

    private string OtherVersion()
    {
        var pointer = HostPointer.Read(Fs, Layout);
        return Versions.First(v => v != pointer.Committed && v != pointer.Trial);
    }

    private void EnsureInstalled()
    {
        if (_move.MoveIsStock) Assert.True(new Installer(Fs, Layout, _move.Clock).Install(Payload("1.0.0")).Succeeded);
    }

    private void AssertBootable(string context)
    {
        var boot = new BootSimulator(Fs, Layout, _move.Keys, _move.Clock, BootOptions.Default).Simulate();
        Assert.True(boot.Boots, $"{context}: {boot.InstalledProgram}, {string.Join("; ", boot.Problems)}");
        bool stockAtMove = _move.MoveIsStock;
        bool stockInBackup = File.Exists(Layout.StockBackup) && File.ReadAllBytes(Layout.StockBackup).AsSpan().SequenceEqual(_move.StockBytes);
        Assert.True(stockAtMove || stockInBackup, $"{context}: no intact copy of stock Move");
        if (!stockAtMove) Assert.Equal("launcher", boot.InstalledProgram);
        if (boot.Decision.Target != BootTarget.Stock)
            Assert.True(File.Exists(Layout.HostEntry(boot.Decision.HostVersion!)), $"{context}: host {boot.Decision.HostVersion} missing");
    }

    private void Rerun(string op, string argument, string context)
    {
        switch (op)
        {
            case "install":
                var install = new Installer(Fs, Layout, _move.Clock).Install(argument);
                Assert.True(install.Succeeded, $"{context}: re-run install: {install.Error}");
                Assert.Equal(File.ReadAllBytes(Path.Combine(argument, "launcher")), _move.MoveBytes);
                Assert.Equal(BootTarget.Normal, Simulated().Decision.Target);
                break;
            case "update":
                var update = new HostUpdater(Fs, Layout, _move.Clock).Stage(argument);
                var version = File.ReadAllText(Path.Combine(argument, "version")).Trim();
                Assert.True(update.Succeeded, $"{context}: re-run update: {update.Error}");
                Assert.Equal(version, Simulated().Decision.HostVersion);
                break;
            default:
                var uninstall = new Uninstaller(Fs, Layout, _move.Clock).Uninstall(keepData: argument == "keep-data");
                Assert.True(uninstall.Succeeded || uninstall.Error!.Kind == BootErrorKind.NotInstalled, $"{context}: re-run uninstall: {uninstall.Error}");
                Assert.True(_move.MoveIsStock, $"{context}: stock not byte-identical after uninstall");
                Assert.False(File.Exists(Layout.StockBackup));
                Assert.False(Directory.Exists(Layout.HostDir));
                break;
        }
        Assert.False(File.Exists(Layout.Journal), $"{context}: journal left after a completed re-run");
    }

    /// <summary>Boots the trial and proves it healthy so the next update stages onto a new committed version.</summary>
    private void BootHealthyTwice()
    {
        var sequence = new BootSequence(Fs, Layout, _move.Keys, _move.Clock, BootOptions.Default);
        var (outcome, _) = sequence.Boot(new RecordingExec(), []);
        new HealthMark(outcome.NextState.BootCount, _move.Clock.Now, TimeSpan.FromSeconds(30), 10_000).Write(Fs, Layout);
        _move.Clock.Advance(TimeSpan.FromMinutes(5));
        sequence.Boot(new RecordingExec(), []);
    }

    private SimulatedBoot Simulated() => new BootSimulator(Fs, Layout, _move.Keys, _move.Clock, BootOptions.Default).Simulate();

    public void Dispose() => _move.Dispose();
}
