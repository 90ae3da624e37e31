using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.Tests.Support;
using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Tests.Updates;

/// <summary>A/B host updates: staged next to the committed version, committed only after a healthy boot, else rolled back.</summary>
public sealed class HostUpdaterTests : IDisposable
{
    private readonly SimulatedDevice _device = new();
    private HostUpdater Updater => new(PhysicalFileSystem.Instance, _device.Layout, _device.Clock);
    private HostPointer Pointer => HostPointer.Read(PhysicalFileSystem.Instance, _device.Layout);

    [Fact]
    public void Staged_version_sits_beside_the_committed_one_and_boots_as_a_trial()
    {
        var result = Updater.Stage(_device.Move.Payload("2.0.0"));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(new HostPointer("1.0.0", null, "2.0.0", 0), Pointer);
        Assert.True(File.Exists(_device.Layout.HostEntry("1.0.0")));
        Assert.True(File.Exists(_device.Layout.HostEntry("2.0.0")));
        var decision = _device.PowerOn();
        Assert.Equal("2.0.0", decision.HostVersion);
        Assert.Equal(1, Pointer.TrialBoots);
    }

    [Fact]
    public void Healthy_trial_is_committed_at_the_next_boot_and_the_old_version_becomes_previous()
    {
        Updater.Stage(_device.Move.Payload("2.0.0"));
        _device.PowerOn();
        Assert.True(_device.RunHealthy());

        var next = _device.PowerOn();

        Assert.Equal("2.0.0", next.HostVersion);
        Assert.Equal(new HostPointer("2.0.0", "1.0.0", null, 0), Pointer);
        Assert.Contains(next.Notes, n => n.Contains("committed"));
    }

    [Fact]
    public void Unhealthy_trial_rolls_back_by_itself_without_a_strike()
    {
        Updater.Stage(_device.Move.Payload("2.0.0"));
        Assert.Equal("2.0.0", _device.PowerOn().HostVersion);
        _device.Crash();

        var next = _device.PowerOn();

        Assert.Equal(BootTarget.Normal, next.Target);
        Assert.Equal("1.0.0", next.HostVersion);
        Assert.Contains(next.Notes, n => n.Contains("rolled back to 1.0.0"));
        Assert.Null(Pointer.Trial);
        Assert.Empty(_device.State.Strikes);
    }

    [Fact]
    public void Safe_mode_boots_the_committed_version_not_the_trial()
    {
        Updater.Stage(_device.Move.Payload("2.0.0"));
        var decision = _device.PowerOn(MoveKey.Shift, MoveKey.Back);
        Assert.Equal(BootTarget.Safe, decision.Target);
        Assert.Equal("1.0.0", decision.HostVersion);
        Assert.Equal("2.0.0", Pointer.Trial);
    }

    [Fact]
    public void Staging_prunes_to_committed_previous_and_trial()
    {
        foreach (var v in new[] { "2.0.0", "3.0.0", "4.0.0" })
        {
            Assert.True(Updater.Stage(_device.Move.Payload(v)).Succeeded);
            var onDisk = Directory.GetDirectories(_device.Layout.Versions).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(Pointer.Referenced().Order().ToList(), onDisk);
            _device.PowerOn();
            _device.RunHealthy();
            _device.PowerOn(); // commits v
        }
        Assert.Equal(new HostPointer("4.0.0", "3.0.0", null, 0), Pointer);
    }

    [Fact]
    public void Missing_committed_version_falls_back_to_previous()
    {
        Updater.Stage(_device.Move.Payload("2.0.0"));
        _device.PowerOn(); _device.RunHealthy(); _device.PowerOn();
        Directory.Delete(_device.Layout.VersionDir("2.0.0"), recursive: true);

        var decision = _device.PowerOn();

        Assert.Equal("1.0.0", decision.HostVersion);
        Assert.Contains(decision.Notes, n => n.Contains("previous version 1.0.0"));
    }

    [Fact]
    public void Staging_the_committed_version_or_onto_nothing_is_a_typed_error()
    {
        Assert.Equal(BootErrorKind.PayloadInvalid, Updater.Stage(_device.Move.Payload("1.0.0")).Error?.Kind);
        using var bare = new TestMove();
        var none = new HostUpdater(PhysicalFileSystem.Instance, bare.Layout, bare.Clock).Stage(bare.Payload("2.0.0"));
        Assert.Equal(BootErrorKind.NotInstalled, none.Error?.Kind);
    }

    [Fact]
    public void Staging_does_not_journal_so_a_killed_update_never_forces_stock()
    {
        Updater.Stage(_device.Move.Payload("2.0.0"));
        Assert.False(File.Exists(_device.Layout.Journal));
    }

    public void Dispose() => _device.Dispose();
}
