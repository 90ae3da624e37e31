using MoveEverything.Storage;

namespace MoveEverything.Boot.Files;

/// <summary>The real filesystem. Deletions of missing entries are no-ops so every step can be re-run.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    private const int CopyChunk = 64 * 1024;

    public static PhysicalFileSystem Instance { get; } = new();

    public bool FileExists(string path) => File.Exists(path);
    public bool DirectoryExists(string path) => Directory.Exists(path);
    public long FileLength(string path) => new FileInfo(path).Length;
    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
    public Stream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    public void WriteAtomic(string path, ReadOnlySpan<byte> content) => AtomicFile.WriteAllBytes(path, content);

    public void CopyDurable(string source, string destination)
    {
        using (var input = OpenRead(source))
        using (var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var buffer = new byte[CopyChunk];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, read);
            output.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        AtomicFile.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(destination))!);
    }

    public void Rename(string source, string destination)
    {
        File.Move(source, destination, overwrite: true);
        AtomicFile.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(destination))!);
    }

    public void RenameDirectory(string source, string destination)
    {
        Directory.Move(source, destination);
        AtomicFile.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(destination))!);
    }

    public void DeleteFile(string path)
    {
        if (!File.Exists(path)) return;
        File.Delete(path);
        AtomicFile.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public void DeleteDirectory(string path)
    {
        if (!Directory.Exists(path)) return;
        Directory.Delete(path, recursive: true);
        AtomicFile.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public IEnumerable<string> EnumerateFiles(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    public IEnumerable<string> EnumerateDirectories(string folder) =>
        Directory.Exists(folder) ? Directory.GetDirectories(folder) : [];

    public void SetExecutable(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    public void SyncFolder(string folder) => AtomicFile.SyncFolder(folder);
}
