namespace MoveEverything.Boot.Install;

/// <summary>
/// Turns system I/O exceptions into typed errors. .NET reports ENOSPC as an IOException whose HResult is the
/// errno (28) or whose text says so; EROFS/EACCES arrive as UnauthorizedAccessException or IOException 30.
/// </summary>
internal static class IoFailures
{
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int Erofs = 30;
    private const int Eacces = 13;

    public static BootError Classify(Exception error, string doing)
    {
        var text = $"{doing}: {error.Message}";
        if (error is UnauthorizedAccessException) return new BootError(BootErrorKind.ReadOnly, text + " (read-only filesystem or no permission)");
        int code = error.HResult & 0xFFFF;
        if (error is IOException && (code is Enospc or Edquot || error.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase)))
            return new BootError(BootErrorKind.DiskFull, text + " (free some space and run again; nothing was lost)");
        if (error is IOException && (code is Erofs or Eacces || error.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase)))
            return new BootError(BootErrorKind.ReadOnly, text + " (read-only filesystem or no permission)");
        return new BootError(BootErrorKind.IoError, text);
    }
}
