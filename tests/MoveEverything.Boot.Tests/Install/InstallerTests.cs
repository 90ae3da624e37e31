using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.Tests.Support;
using MoveEverything.Boot.Updates;

namespace MoveEverything.Boot.Tests.Install;

public sealed class InstallerTests : IDisposable
{
    private readonly TestMove _move = new();
    private MoveLayout Layout => _move.Layout;

    private Installer Installer(IFileSystem? fs = null) => new(fs ?? PhysicalFileSystem.Instance, Layout, _move.Clock);
    private Uninstaller Uninstaller(IFileSystem? fs = null) => new(fs ?? PhysicalFileSystem.Instance, Layout, _move.Clock);
    private SimulatedBoot Simulate() => new BootSimulator(PhysicalFileSystem.Instance, Layout, _move.Keys, _move.Clock, BootOptions.Default).Simulate();

    [Fact]
    public void Install_backs_up_stock_once_deploys_host_and_puts_the_launcher_in_place()
    {
        var payload = _move.Payload("1.0.0");
        var result = Installer().Install(payload);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(payload, "launcher")), _move.MoveBytes);
        Assert.Equal(_move.StockBytes, File.ReadAllBytes(Layout.StockBackup));
        Assert.True(File.Exists(Layout.HostEntry("1.0.0")));
        Assert.True(File.Exists(Path.Combine(Layout.VersionDir("1.0.0"), "lib", "module-runtime.txt")));
        Assert.False(File.Exists(Layout.Journal));
        Assert.Equal("1.0.0", HostPointer.Read(PhysicalFileSystem.Instance, Layout).Committed);
        var boot = Simulate();
        Assert.True(boot.Boots, string.Join("; ", boot.Problems));
        Assert.Equal(BootTarget.Normal, boot.Decision.Target);
    }

    [Fact]
    public void Manifest_records_the_stock_hash_and_size()
    {
        var stock = _move.StockHash;
        Installer().Install(_move.Payload("1.0.0"));

        var manifest = StockManifest.TryRead(PhysicalFileSystem.Instance, Layout)!;
        Assert.Equal(stock, manifest.Stock);
        Assert.Equal(_move.StockBytes.Length, manifest.Stock.Size);
    }

    [Fact]
    public void Install_twice_is_a_no_op_that_keeps_the_original_backup()
    {
        var payload = _move.Payload("1.0.0");
        Installer().Install(payload);
        var fs = new FaultyFileSystem();
        var again = Installer(fs).Install(payload);

        Assert.True(again.Succeeded, again.Error?.ToString());
        Assert.Empty(again.Done);
        Assert.DoesNotContain(fs.Mutations, m => m.Contains("MoveOriginal") || m.EndsWith("/opt/move/Move"));
        Assert.Equal(_move.StockBytes, File.ReadAllBytes(Layout.StockBackup));
    }

    [Fact]
    public void Uninstall_restores_stock_byte_identical_and_removes_everything()
    {
        Installer().Install(_move.Payload("1.0.0"));
        var result = Uninstaller().Uninstall(keepData: false);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.True(_move.MoveIsStock);
        Assert.Equal(File.GetUnixFileMode(Layout.StockBinary) & UnixFileMode.UserExecute, UnixFileMode.UserExecute);
        Assert.False(File.Exists(Layout.StockBackup));
        Assert.False(Directory.Exists(Layout.Data.Root));
        Assert.Equal(BootTrigger.NotInstalled, Simulate().Decision.Trigger);
    }

    [Fact]
    public void Uninstall_keep_data_keeps_modules_but_removes_host_and_boot_state()
    {
        Installer().Install(_move.Payload("1.0.0"));
        var module = Path.Combine(Layout.Data.Modules, "sound_generators", "osc", "module.json");
        Directory.CreateDirectory(Path.GetDirectoryName(module)!);
        File.WriteAllText(module, "{}");

        var result = Uninstaller().Uninstall(keepData: true);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.True(_move.MoveIsStock);
        Assert.True(File.Exists(module));
        Assert.False(Directory.Exists(Layout.HostDir));
        Assert.False(Directory.Exists(Layout.BootDir));
    }

    [Fact]
    public void Reinstall_after_uninstall_works_and_uninstall_again_reports_not_installed()
    {
        Installer().Install(_move.Payload("1.0.0"));
        Uninstaller().Uninstall(keepData: false);
        Assert.True(Installer().Install(_move.Payload("1.0.0")).Succeeded);
        Assert.True(Uninstaller().Uninstall(keepData: false).Succeeded);

        var again = Uninstaller().Uninstall(keepData: false);
        Assert.Equal(BootErrorKind.NotInstalled, again.Error?.Kind);
        Assert.True(_move.MoveIsStock);
    }

    [Fact]
    public void Missing_stock_binary_is_a_typed_error_and_nothing_is_written_to_opt()
    {
        File.Delete(Layout.StockBinary);
        var result = Installer().Install(_move.Payload("1.0.0"));

        Assert.Equal(BootErrorKind.StockMissing, result.Error?.Kind);
        Assert.Equal(4, result.ExitCode);
        Assert.False(File.Exists(Layout.StockBinary));
        Assert.False(File.Exists(Layout.StockBackup));
        Assert.False(Directory.Exists(Layout.Data.Root));
    }

    [Fact]
    public void Payload_without_launcher_is_rejected_before_anything_changes()
    {
        var payload = _move.Payload("1.0.0");
        File.Delete(Path.Combine(payload, "launcher"));
        var result = Installer().Install(payload);

        Assert.Equal(BootErrorKind.PayloadInvalid, result.Error?.Kind);
        Assert.True(_move.MoveIsStock);
        Assert.False(File.Exists(Layout.StockBackup));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.0 beta")]
    [InlineData("../../etc")]
    public void Payload_with_a_bad_version_is_rejected(string version)
    {
        var payload = _move.Payload("1.0.0");
        File.WriteAllText(Path.Combine(payload, "version"), version);
        Assert.Equal(BootErrorKind.PayloadInvalid, Installer().Install(payload).Error?.Kind);
    }

    [Fact]
    public void A_second_install_while_one_holds_the_lock_is_refused_as_busy()
    {
        Directory.CreateDirectory(Layout.BootDir);
        using var held = new FileStream(Layout.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var result = Installer().Install(_move.Payload("1.0.0"));

        Assert.Equal(BootErrorKind.Busy, result.Error?.Kind);
        Assert.Contains("another install", result.Error!.Message);
        Assert.True(_move.MoveIsStock);
    }

    [Fact]
    public void A_launcher_in_place_without_a_manifest_is_never_backed_up_as_stock()
    {
        var payload = _move.Payload("1.0.0");
        Installer().Install(payload);
        File.Delete(Layout.Manifest);

        var result = Installer().Install(payload);

        Assert.Equal(BootErrorKind.BackupMissing, result.Error?.Kind);
        Assert.Equal(_move.StockBytes, File.ReadAllBytes(Layout.StockBackup));
    }

    [Fact]
    public void A_new_stock_binary_from_a_firmware_update_is_backed_up_and_the_old_one_kept_aside()
    {
        var payload = _move.Payload("1.0.0");
        Installer().Install(payload);
        var newStock = new byte[5000];
        new Random(7).NextBytes(newStock);
        File.WriteAllBytes(Layout.StockBinary, newStock); // what a firmware update does to /opt/move/Move

        var result = Installer().Install(payload);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(newStock, File.ReadAllBytes(Layout.StockBackup));
        Assert.Equal(_move.StockBytes, File.ReadAllBytes(Layout.SupersededBackup));
        Assert.True(Uninstaller().Uninstall(false).Succeeded);
        Assert.Equal(newStock, _move.MoveBytes);
    }

    public void Dispose() => _move.Dispose();
}
