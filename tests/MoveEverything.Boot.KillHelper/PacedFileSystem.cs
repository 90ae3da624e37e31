using MoveEverything.Boot.Files;
using MoveEverything.Storage;

namespace MoveEverything.Boot.KillHelper;

/// <summary>
/// The real filesystem, slowed down and instrumented: before every mutation and between 16 KB chunks of a copy it
/// passes a numbered "point". It pauses there (so a randomly timed SIGKILL from the test lands at many different
/// instants), and at point <c>killAt</c> it sends SIGKILL to its own process (so every point is reached whatever the
/// machine's load). <see cref="Points"/> counts the points of a run that was not killed.
/// </summary>
public sealed class PacedFileSystem(TimeSpan pause, int killAt) : IFileSystem
{
    private const int Chunk = 16 * 1024;
    private readonly IFileSystem _inner = PhysicalFileSystem.Instance;

    public int Points { get; private set; }

    private void Pause()
    {
        if (++Points == killAt) kill(Environment.ProcessId, Sigkill);
        if (pause > TimeSpan.Zero) Thread.Sleep(pause);
    }

    public bool FileExists(string path) => _inner.FileExists(path);
    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
    public long FileLength(string path) => _inner.FileLength(path);
    public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);
    public Stream OpenRead(string path) => _inner.OpenRead(path);
    public void WriteAtomic(string path, ReadOnlySpan<byte> content) { Pause(); _inner.WriteAtomic(path, content); }

    public void CopyDurable(string source, string destination)
    {
        Pause();
        using (var input = _inner.OpenRead(source))
        using (var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var buffer = new byte[Chunk];
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                output.Flush();
                Pause();
            }
            output.Flush(flushToDisk: true);
        }
        File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        AtomicFile.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(destination))!);
    }

    public void Rename(string source, string destination) { Pause(); _inner.Rename(source, destination); }
    public void RenameDirectory(string source, string destination) { Pause(); _inner.RenameDirectory(source, destination); }
    public void DeleteFile(string path) { Pause(); _inner.DeleteFile(path); }
    public void DeleteDirectory(string path) { Pause(); _inner.DeleteDirectory(path); }
    public void CreateDirectory(string path) => _inner.CreateDirectory(path);
    public IEnumerable<string> EnumerateFiles(string folder) => _inner.EnumerateFiles(folder);
    public IEnumerable<string> EnumerateDirectories(string folder) => _inner.EnumerateDirectories(folder);
    public void SetExecutable(string path) { Pause(); _inner.SetExecutable(path); }
    public void SyncFolder(string folder) => _inner.SyncFolder(folder);

    private const int Sigkill = 9;
    [System.Runtime.InteropServices.DllImport("libc")] private static extern int kill(int pid, int signal);
}
