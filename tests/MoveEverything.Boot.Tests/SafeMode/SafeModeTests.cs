using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.SafeMode;
using MoveEverything.Boot.Tests.Support;

namespace MoveEverything.Boot.Tests.SafeMode;

public sealed class SafeModeTests : IDisposable
{
    private readonly SimulatedDevice _device = new();
    private readonly FakeRebooter _rebooter = new();
    private SafeModeActions Actions => new(PhysicalFileSystem.Instance, _device.Layout, _device.Clock, _rebooter);

    [Fact]
    public void Screen_lists_the_four_choices_in_order_with_the_reason()
    {
        var screen = SafeModeScreen.For("2 boots in a row did not become healthy");
        Assert.Equal("2 boots in a row did not become healthy", screen.Reason);
        Assert.Equal(
            [SafeModeChoice.ContinueWithoutModules, SafeModeChoice.ReEnableModulesOneByOne, SafeModeChoice.RestoreStock, SafeModeChoice.RebootNormally],
            screen.Options.Select(o => o.Choice));
        Assert.All(screen.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Effect)));
    }

    [Fact]
    public void Continue_and_reenable_change_nothing_on_disk_and_do_not_reboot()
    {
        Assert.Equal(SafeModeFollowUp.StayInSafeMode, Actions.Apply(SafeModeChoice.ContinueWithoutModules).FollowUp);
        Assert.Equal(SafeModeFollowUp.OpenModuleList, Actions.Apply(SafeModeChoice.ReEnableModulesOneByOne).FollowUp);
        Assert.Empty(_rebooter.Reboots);
        Assert.False(_device.Move.MoveIsStock);
    }

    [Fact]
    public void Restore_stock_puts_the_original_back_and_reboots()
    {
        var result = Actions.Apply(SafeModeChoice.RestoreStock);

        Assert.Equal(SafeModeFollowUp.Rebooting, result.FollowUp);
        Assert.True(_device.Move.MoveIsStock);
        Assert.Single(_rebooter.Reboots);
        Assert.True(File.Exists(_device.Layout.StockBackup)); // kept: install can re-enable later
    }

    [Fact]
    public void Restore_stock_with_a_corrupt_backup_shows_the_error_and_does_not_reboot()
    {
        File.WriteAllBytes(_device.Layout.StockBackup, [1, 2, 3]);
        var result = Actions.Apply(SafeModeChoice.RestoreStock);

        Assert.Equal(SafeModeFollowUp.ShowError, result.FollowUp);
        Assert.Empty(_rebooter.Reboots);
        Assert.False(_device.Move.MoveIsStock);
    }

    [Fact]
    public void Reboot_normally_clears_strikes_so_the_next_boot_is_normal()
    {
        _device.PowerOn(); _device.Crash();
        _device.PowerOn(); _device.Crash();
        Assert.Equal(BootTarget.Safe, _device.PowerOn().Target);

        Assert.Equal(SafeModeFollowUp.Rebooting, Actions.Apply(SafeModeChoice.RebootNormally).FollowUp);

        Assert.Equal(BootTarget.Normal, _device.PowerOn().Target);
        Assert.Empty(_device.State.Strikes);
    }

    [Fact]
    public void Restore_stock_then_install_again_re_enables_move_everything()
    {
        Actions.Apply(SafeModeChoice.RestoreStock);
        var install = new MoveEverything.Boot.Install.Installer(PhysicalFileSystem.Instance, _device.Layout, _device.Clock)
            .Install(_device.Move.Payload("1.0.0"));
        Assert.True(install.Succeeded, install.Error?.ToString());
        Assert.Equal(BootTarget.Normal, _device.PowerOn().Target);
    }

    public void Dispose() => _device.Dispose();
}
