using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.SafeMode;
using MoveEverything.Boot.Tests.Support;

namespace MoveEverything.Boot.Tests.Decision;

/// <summary>Boot sequences on an installed simulated Move with a fake clock: every trigger, escalation, de-escalation.</summary>
public sealed class BootSequenceTests : IDisposable
{
    private readonly SimulatedDevice _device = new();

    [Fact]
    public void A_healthy_device_boots_normal_every_time_and_hands_the_boot_id_to_the_host()
    {
        for (int i = 1; i <= 5; i++)
        {
            var decision = _device.PowerOn();
            Assert.Equal(BootTarget.Normal, decision.Target);
            Assert.Equal(_device.Layout.HostEntry("1.0.0"), _device.LastExec.Path);
            Assert.Equal(i, _device.Handoff().BootId);
            Assert.False(_device.Handoff().SafeMode);
            Assert.True(_device.RunHealthy());
        }
        Assert.Empty(_device.State.Strikes);
    }

    [Fact]
    public void Boot_counter_is_on_disk_before_exec()
    {
        _device.PowerOn();
        // The exec was recorded after Persist; what a kill -9 right after exec would leave:
        Assert.Equal(1, _device.State.BootCount);
        Assert.Equal(BootTarget.Normal, _device.State.LastTarget);
    }

    [Fact]
    public void Crash_loop_escalates_safe_after_two_then_stock_after_four()
    {
        var seen = new List<BootTarget>();
        for (int i = 0; i < 6; i++)
        {
            seen.Add(_device.PowerOn().Target);
            _device.Crash();
        }
        Assert.Equal([BootTarget.Normal, BootTarget.Normal, BootTarget.Safe, BootTarget.Safe, BootTarget.Stock, BootTarget.Stock], seen);
        Assert.Equal(BootTrigger.CrashLoop, _device.Last!.Trigger);
        Assert.True(_device.State.StockLatched);
        Assert.Equal(_device.Layout.StockBackup, _device.LastExec.Path);
        Assert.Equal(_device.Layout.StockBinary, _device.LastExec.Arguments[0]);
    }

    [Fact]
    public void Safe_mode_boot_tells_the_host_why()
    {
        _device.PowerOn(); _device.Crash();
        _device.PowerOn(); _device.Crash();
        var safe = _device.PowerOn();

        Assert.Equal(BootTarget.Safe, safe.Target);
        Assert.True(_device.Handoff().SafeMode);
        Assert.Contains("2 boots in a row", _device.Handoff().Reason);
        Assert.Equal(safe.Reason, SafeModeScreen.For(_device.Handoff().Reason).Reason);
    }

    [Fact]
    public void Stock_latch_survives_time_until_the_user_holds_the_safe_combination()
    {
        for (int i = 0; i < 5; i++) { _device.PowerOn(); _device.Crash(); }
        _device.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(BootTarget.Stock, _device.PowerOn().Target);

        var forced = _device.PowerOn(MoveKey.Shift, MoveKey.Back);
        Assert.Equal(BootTarget.Safe, forced.Target);
        Assert.Equal(BootTrigger.KeyCombination, forced.Trigger);
        Assert.False(_device.State.StockLatched);
    }

    [Fact]
    public void Healthy_safe_boot_de_escalates_to_normal_with_one_strike_left()
    {
        _device.PowerOn(); _device.Crash();
        _device.PowerOn(); _device.Crash();
        Assert.Equal(BootTarget.Safe, _device.PowerOn().Target);
        Assert.True(_device.RunHealthy());

        Assert.Equal(BootTarget.Normal, _device.PowerOn().Target);
        Assert.Single(_device.State.Strikes);
        _device.Crash();
        Assert.Equal(BootTarget.Safe, _device.PowerOn().Target); // one more failure brings safe mode back (Firefox)
    }

    [Fact]
    public void Healthy_normal_boot_clears_all_strikes()
    {
        _device.PowerOn(); _device.Crash();
        Assert.Equal(BootTarget.Normal, _device.PowerOn().Target);
        Assert.True(_device.RunHealthy());
        _device.PowerOn();
        Assert.Empty(_device.State.Strikes);
    }

    [Fact]
    public void Strikes_older_than_the_window_are_forgotten()
    {
        _device.PowerOn(); _device.Crash();
        _device.PowerOn();
        _device.Clock.Advance(_device.Options.StrikeWindow + TimeSpan.FromMinutes(1));
        var decision = _device.PowerOn(); // the second unhealthy boot started an hour ago too late to pair with the first
        Assert.Equal(BootTarget.Normal, decision.Target);
    }

    [Fact]
    public void Short_run_without_health_counts_as_a_strike()
    {
        _device.PowerOn();
        Assert.False(_device.RunHealthy(TimeSpan.FromSeconds(20))); // 20 s < 30 s: no evidence yet
        _device.PowerOn();
        Assert.Single(_device.State.Strikes);
    }

    [Fact]
    public void Safe_mode_flag_is_one_shot()
    {
        SafeModeFlag.Set(PhysicalFileSystem.Instance, _device.Layout, "from the menu", _device.Clock.Now);

        var first = _device.PowerOn();
        Assert.Equal(BootTarget.Safe, first.Target);
        Assert.Equal(BootTrigger.SafeModeFlag, first.Trigger);
        Assert.Contains("from the menu", first.Reason);
        Assert.False(File.Exists(_device.Layout.SafeModeFlag));
        _device.RunHealthy();
        Assert.Equal(BootTarget.Normal, _device.PowerOn().Target);
    }

    [Fact]
    public void Stock_combination_boots_stock_once_without_touching_strikes()
    {
        _device.PowerOn(); _device.Crash();
        var stock = _device.PowerOn(MoveKey.Shift, MoveKey.Menu);
        Assert.Equal(BootTarget.Stock, stock.Target);
        Assert.Equal(BootTrigger.KeyCombination, stock.Trigger);
        Assert.Single(_device.State.Strikes);
        Assert.Equal(BootTarget.Normal, _device.PowerOn().Target); // a stock boot is not judged
    }

    [Fact]
    public void Interrupted_install_boots_stock_until_install_runs_again()
    {
        File.WriteAllText(_device.Layout.Journal, "op=install\nstep=install-launcher\n");
        var decision = _device.PowerOn();
        Assert.Equal(BootTarget.Stock, decision.Target);
        Assert.Equal(BootTrigger.InterruptedOperation, decision.Trigger);
        Assert.Contains("mev install", decision.Reason);
    }

    [Fact]
    public void Failed_exec_of_the_host_falls_back_to_stock()
    {
        _device.Exec.Failing.Add(_device.Layout.HostEntry("1.0.0"));
        _device.PowerOn();
        Assert.Equal(_device.Layout.StockBackup, _device.Exec.Requests[^1].Path);
    }

    [Fact]
    public void Missing_host_version_boots_stock_with_a_reason()
    {
        Directory.Delete(_device.Layout.VersionDir("1.0.0"), recursive: true);
        var decision = _device.PowerOn();
        Assert.Equal(BootTarget.Stock, decision.Target);
        Assert.Equal(BootTrigger.HostMissing, decision.Trigger);
    }

    [Fact]
    public void Corrupt_boot_state_counts_as_one_strike_not_zero()
    {
        _device.PowerOn();
        File.WriteAllText(_device.Layout.BootState, "no equals here\n");
        _device.PowerOn();
        Assert.Single(_device.State.Strikes);
    }

    [Fact]
    public void Health_mark_of_an_older_boot_does_not_vouch_for_the_last_one()
    {
        _device.PowerOn();
        _device.RunHealthy();
        _device.PowerOn();   // boot 2 crashes; the mark on disk still names boot 1
        _device.Crash();
        _device.PowerOn();
        Assert.Single(_device.State.Strikes);
    }

    public void Dispose() => _device.Dispose();
}
