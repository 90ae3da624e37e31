namespace MoveEverything.Boot.Install;

/// <summary>
/// Exclusive lock so two installs (or an install and an uninstall) never interleave. .NET opens a file with
/// FileShare.None on Linux by taking flock(LOCK_EX | LOCK_NB) on it; the kernel drops the lock when the process
/// dies, so a kill -9 never leaves a stale lock.
/// </summary>
internal sealed class InstallLock : IDisposable
{
    private readonly FileStream _stream;

    private InstallLock(FileStream stream) => _stream = stream;

    public static InstallLock Acquire(MoveLayout layout)
    {
        Directory.CreateDirectory(layout.BootDir);
        try
        {
            return new InstallLock(new FileStream(layout.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException error) when (IsHeldElsewhere(error))
        {
            throw BootFailure.Of(BootErrorKind.Busy,
                $"another install, uninstall, update or restore is running on {layout.Root} (lock {layout.LockFile}); wait for it to finish");
        }
    }

    /// <summary>.NET reports a refused flock as an IOException carrying EWOULDBLOCK (11) and a "used by another process" text.</summary>
    private static bool IsHeldElsewhere(IOException error) =>
        (error.HResult & 0xFFFF) == Ewouldblock || error.Message.Contains("another process", StringComparison.OrdinalIgnoreCase);

    private const int Ewouldblock = 11;

    public void Dispose() => _stream.Dispose();
}
