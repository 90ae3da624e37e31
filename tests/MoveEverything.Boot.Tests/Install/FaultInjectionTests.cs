using MoveEverything.Boot.Decision;
using MoveEverything.Boot.Files;
using MoveEverything.Boot.Install;
using MoveEverything.Boot.Tests.Support;

namespace MoveEverything.Boot.Tests.Install;

/// <summary>Read-only and full disks, corrupt backups and hash mismatches: typed error, stock never lost, re-run completes.</summary>
public sealed class FaultInjectionTests : IDisposable
{
    private readonly TestMove _move = new();
    private MoveLayout Layout => _move.Layout;

    private SimulatedBoot Simulate() =>
        new BootSimulator(PhysicalFileSystem.Instance, Layout, _move.Keys, _move.Clock, BootOptions.Default).Simulate();

    [Fact]
    public void Disk_full_while_copying_the_backup_is_DiskFull_and_the_device_still_boots_stock()
    {
        var fs = new FaultyFileSystem().Fail("CopyDurable", p => p.Contains("MoveOriginal"), FaultyFileSystem.DiskFull);
        var result = new Installer(fs, Layout, _move.Clock).Install(_move.Payload("1.0.0"));

        Assert.Equal(BootErrorKind.DiskFull, result.Error?.Kind);
        Assert.Equal(9, result.ExitCode);
        Assert.True(_move.MoveIsStock);
        var boot = Simulate();
        Assert.True(boot.Boots);
        Assert.Equal(BootTarget.Stock, boot.Decision.Target);
        Assert.True(new Installer(PhysicalFileSystem.Instance, Layout, _move.Clock).Install(_move.Payload("1.0.0")).Succeeded);
    }

    [Fact]
    public void Read_only_opt_is_ReadOnly_and_changes_nothing_in_opt()
    {
        var fs = new FaultyFileSystem().Fail("*", p => p.Contains("/opt/"), FaultyFileSystem.ReadOnly);
        var result = new Installer(fs, Layout, _move.Clock).Install(_move.Payload("1.0.0"));

        Assert.Equal(BootErrorKind.ReadOnly, result.Error?.Kind);
        Assert.True(_move.MoveIsStock);
        Assert.False(File.Exists(Layout.StockBackup));
    }

    [Fact]
    public void Permission_denied_maps_to_ReadOnly()
    {
        var fs = new FaultyFileSystem().Fail("WriteAtomic", _ => true, () => new UnauthorizedAccessException("Access to the path is denied."));
        Assert.Equal(BootErrorKind.ReadOnly, new Installer(fs, Layout, _move.Clock).Install(_move.Payload("1.0.0")).Error?.Kind);
    }

    [Fact]
    public void Disk_full_when_renaming_the_launcher_in_leaves_stock_in_place()
    {
        var fs = new FaultyFileSystem().Fail("Rename", p => p.EndsWith("/opt/move/Move"), FaultyFileSystem.DiskFull);
        var result = new Installer(fs, Layout, _move.Clock).Install(_move.Payload("1.0.0"));

        Assert.Equal(BootErrorKind.DiskFull, result.Error?.Kind);
        Assert.True(_move.MoveIsStock);
        Assert.True(File.Exists(Layout.Journal)); // the intent record says where it stopped
        Assert.Equal(BootTarget.Stock, Simulate().Decision.Target);
    }

    [Fact]
    public void Corrupt_manifest_is_BackupCorrupt_and_uninstall_touches_nothing()
    {
        new Installer(PhysicalFileSystem.Instance, Layout, _move.Clock).Install(_move.Payload("1.0.0"));
        File.WriteAllText(Layout.Manifest, "garbage without equals sign\n");
        var launcher = _move.MoveBytes;

        var result = new Uninstaller(PhysicalFileSystem.Instance, Layout, _move.Clock).Uninstall(keepData: false);

        Assert.Equal(BootErrorKind.BackupCorrupt, result.Error?.Kind);
        Assert.Equal(launcher, _move.MoveBytes);
        Assert.Equal(_move.StockBytes, File.ReadAllBytes(Layout.StockBackup));
    }

    [Fact]
    public void Backup_with_a_flipped_byte_is_HashMismatch_for_uninstall_and_restore()
    {
        new Installer(PhysicalFileSystem.Instance, Layout, _move.Clock).Install(_move.Payload("1.0.0"));
        var bytes = File.ReadAllBytes(Layout.StockBackup);
        bytes[100] ^= 0xFF;
        File.WriteAllBytes(Layout.StockBackup, bytes);
        var launcher = _move.MoveBytes;

        var uninstall = new Uninstaller(PhysicalFileSystem.Instance, Layout, _move.Clock).Uninstall(keepData: false);
        var restore = new StockRestorer(PhysicalFileSystem.Instance, Layout, _move.Clock).Restore();

        Assert.Equal(BootErrorKind.HashMismatch, uninstall.Error?.Kind);
        Assert.Equal(BootErrorKind.HashMismatch, restore.Error?.Kind);
        Assert.Equal(launcher, _move.MoveBytes);
        Assert.Equal(bytes, File.ReadAllBytes(Layout.StockBackup));
    }

    [Fact]
    public void Missing_backup_is_BackupMissing_for_restore()
    {
        new Installer(PhysicalFileSystem.Instance, Layout, _move.Clock).Install(_move.Payload("1.0.0"));
        File.Delete(Layout.StockBackup);

        var restore = new StockRestorer(PhysicalFileSystem.Instance, Layout, _move.Clock).Restore();

        Assert.Equal(BootErrorKind.BackupMissing, restore.Error?.Kind);
        Assert.Contains("MoveOriginal", restore.Error!.Message);
    }

    [Fact]
    public void A_copy_that_reads_back_different_is_HashMismatch_and_is_never_renamed_in()
    {
        var fs = new CorruptingCopyFileSystem(p => p.Contains("MoveOriginal"));
        var result = new Installer(fs, Layout, _move.Clock).Install(_move.Payload("1.0.0"));

        Assert.Equal(BootErrorKind.HashMismatch, result.Error?.Kind);
        Assert.True(_move.MoveIsStock);
        Assert.False(File.Exists(Layout.StockBackup));
    }

    [Fact]
    public void Disk_full_during_uninstall_keeps_the_launcher_and_the_backup_and_a_rerun_completes()
    {
        new Installer(PhysicalFileSystem.Instance, Layout, _move.Clock).Install(_move.Payload("1.0.0"));
        var fs = new FaultyFileSystem().Fail("CopyDurable", p => p.Contains("/opt/move/Move"), FaultyFileSystem.DiskFull);

        var failed = new Uninstaller(fs, Layout, _move.Clock).Uninstall(keepData: false);

        Assert.Equal(BootErrorKind.DiskFull, failed.Error?.Kind);
        Assert.Equal(_move.StockBytes, File.ReadAllBytes(Layout.StockBackup));
        Assert.Equal(BootTarget.Stock, Simulate().Decision.Target); // journal says "uninstall interrupted"
        Assert.True(new Uninstaller(PhysicalFileSystem.Instance, Layout, _move.Clock).Uninstall(keepData: false).Succeeded);
        Assert.True(_move.MoveIsStock);
    }

    public void Dispose() => _move.Dispose();

    /// <summary>Flips a byte of every copy to matching destinations (a silently failing disk).</summary>
    private sealed class CorruptingCopyFileSystem(Func<string, bool> match) : IFileSystem
    {
        private readonly IFileSystem _inner = PhysicalFileSystem.Instance;
        public void CopyDurable(string source, string destination)
        {
            _inner.CopyDurable(source, destination);
            if (!match(destination)) return;
            var bytes = File.ReadAllBytes(destination);
            bytes[0] ^= 1;
            File.WriteAllBytes(destination, bytes);
        }
        public bool FileExists(string path) => _inner.FileExists(path);
        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
        public long FileLength(string path) => _inner.FileLength(path);
        public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);
        public Stream OpenRead(string path) => _inner.OpenRead(path);
        public void WriteAtomic(string path, ReadOnlySpan<byte> content) => _inner.WriteAtomic(path, content);
        public void Rename(string source, string destination) => _inner.Rename(source, destination);
        public void RenameDirectory(string source, string destination) => _inner.RenameDirectory(source, destination);
        public void DeleteFile(string path) => _inner.DeleteFile(path);
        public void DeleteDirectory(string path) => _inner.DeleteDirectory(path);
        public void CreateDirectory(string path) => _inner.CreateDirectory(path);
        public IEnumerable<string> EnumerateFiles(string folder) => _inner.EnumerateFiles(folder);
        public IEnumerable<string> EnumerateDirectories(string folder) => _inner.EnumerateDirectories(folder);
        public void SetExecutable(string path) => _inner.SetExecutable(path);
        public void SyncFolder(string folder) => _inner.SyncFolder(folder);
    }
}
