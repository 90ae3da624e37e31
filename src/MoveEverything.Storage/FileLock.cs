using System.Diagnostics;

namespace MoveEverything.Storage;

/// <summary>
/// A cross-process exclusive lock on a lock file beside the state it guards, for read-modify-write of
/// small state files by several processes (supervisor, UI host, `mev` CLI). On Linux .NET backs
/// FileShare.None with flock(LOCK_EX), which the kernel releases when the holder dies, even by kill -9,
/// so a killed writer never leaves the lock held. Hold it for milliseconds only: no callbacks under it.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock; null when another holder kept it that long.</summary>
    public static FileLock? TryAcquire(string lockPath, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockPath))!);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (watch.Elapsed < timeout)
            {
                Thread.Sleep(2);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
