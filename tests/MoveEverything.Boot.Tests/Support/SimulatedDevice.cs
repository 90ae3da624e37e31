using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Health;
using MoveEverything.Boot.Install;

namespace MoveEverything.Boot.Tests.Support;

/// <summary>
/// An installed Move driven boot by boot: <see cref="PowerOn"/> runs the launcher's sequence with a recording exec;
/// <see cref="RunHealthy"/> plays the host reaching health (samples fed to the real <see cref="HealthMarkWriter"/>);
/// <see cref="Crash"/> plays a host that dies before health. The clock is fake.
/// </summary>
public sealed class SimulatedDevice : IDisposable
{
    public TestMove Move { get; } = new();
    public RecordingExec Exec { get; } = new();
    public BootOptions Options { get; }
    public BootDecision? Last { get; private set; }
    private ExecRequest? _lastExec;

    public SimulatedDevice(BootOptions? options = null, bool install = true)
    {
        Options = (options ?? BootOptions.Default).Validate();
        if (!install) return;
        var result = new Installer(PhysicalFileSystem.Instance, Move.Layout, Move.Clock).Install(Move.Payload("1.0.0"));
        Assert.True(result.Succeeded, result.Error?.ToString());
    }

    public MoveLayout Layout => Move.Layout;
    public FakeClock Clock => Move.Clock;

    public BootDecision PowerOn(params MoveKey[] held)
    {
        Move.Keys.Held.Clear();
        Move.Keys.Held.UnionWith(held);
        var (outcome, _) = new BootSequence(PhysicalFileSystem.Instance, Layout, Move.Keys, Clock, Options).Boot(Exec, ["--from-init"]);
        Last = outcome.Decision;
        _lastExec = Exec.Requests[^1];
        return outcome.Decision;
    }

    /// <summary>The host runs: blocks advance without a miss and the UI answers, for <paramref name="duration"/>.</summary>
    public bool RunHealthy(TimeSpan? duration = null)
    {
        var handoff = Handoff();
        var writer = new HealthMarkWriter(PhysicalFileSystem.Instance, Layout, handoff.BootId, Options);
        long blocks = 0;
        var end = Clock.Now + (duration ?? Options.HealthyAfter + TimeSpan.FromSeconds(5));
        bool written = false;
        while (Clock.Now < end)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            blocks += 345;
            written |= writer.Observe(new HealthSample(Clock.Now, blocks, 0, Clock.Now));
        }
        return written;
    }

    /// <summary>The host dies a few seconds in (before any health evidence), and the user powers on again a minute later.</summary>
    public void Crash()
    {
        Clock.Advance(TimeSpan.FromSeconds(8));
        Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public BootHandoff Handoff()
    {
        var env = _lastExec!.Environment.ToDictionary(e => e.Key, e => e.Value);
        return new BootHandoff(env[BootHandoff.RootVariable], long.Parse(env[BootHandoff.BootIdVariable]),
            env[BootHandoff.HostVersionVariable], env[BootHandoff.SafeModeVariable] == "1", env[BootHandoff.ReasonVariable]);
    }

    public ExecRequest LastExec => _lastExec!;

    public BootState State => BootState.Read(PhysicalFileSystem.Instance, Layout, Clock.Now);

    public void Dispose() => Move.Dispose();
}
