using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Tests.Support;

/// <summary>
/// A temporary Move filesystem: ROOT/opt/move/Move holds a fake stock program (random bytes, fixed seed) and
/// <see cref="Payload"/> builds host payload folders (version + launcher stand-in + host stand-in script).
/// </summary>
public sealed class TestMove : IDisposable
{
    public string Root { get; }
    public string Work { get; }
    public MoveLayout Layout { get; }
    public byte[] StockBytes { get; }
    public FakeClock Clock { get; } = new();
    public FakeKeys Keys { get; } = new();

    public TestMove(int stockSize = 64 * 1024, int seed = 1)
    {
        Work = Path.Combine(Path.GetTempPath(), "mev-boot-" + Guid.NewGuid().ToString("N")[..12]);
        Root = Path.Combine(Work, "root");
        Layout = new MoveLayout(Root);
        StockBytes = new byte[stockSize];
        new Random(seed).NextBytes(StockBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(Layout.StockBinary)!);
        File.WriteAllBytes(Layout.StockBinary, StockBytes);
        File.SetUnixFileMode(Layout.StockBinary, (UnixFileMode)0b111_101_101);
    }

    /// <summary>Creates (once) a payload folder for <paramref name="version"/>; the launcher stand-in differs per launcherTag.</summary>
    public string Payload(string version, string launcherTag = "1")
    {
        var folder = Path.Combine(Work, $"payload-{version}-{launcherTag}");
        if (Directory.Exists(folder)) return folder;
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        File.WriteAllText(Path.Combine(folder, "version"), version + "\n");
        File.WriteAllText(Path.Combine(folder, "launcher"), $"#!/bin/sh\n# move-everything launcher stand-in {launcherTag}\n");
        File.WriteAllText(Path.Combine(folder, "host"), $"#!/bin/sh\necho host {version} \"$@\"\n");
        File.WriteAllText(Path.Combine(folder, "lib", "module-runtime.txt"), $"runtime of {version}\n");
        return folder;
    }

    public FileHash StockHash => FileHash.Of(PhysicalFileSystem.Instance, Layout.StockBinary);
    public byte[] MoveBytes => File.ReadAllBytes(Layout.StockBinary);
    public bool MoveIsStock => MoveBytes.AsSpan().SequenceEqual(StockBytes);

    public void Dispose()
    {
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
