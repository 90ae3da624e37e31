using System.Runtime.InteropServices;

namespace MoveEverything.Storage;

/// <summary>
/// Whole-file replacement that survives kill -9 and power loss at any instant: a reader sees either
/// the old content or the new content, never a mix or an empty file.
/// How: write a sibling temp file, fsync it, rename it over the target (atomic on POSIX), fsync the folder
/// so the rename itself is durable. Stale temp files from a killed writer are ignored by readers and
/// removed by the next write.
/// </summary>
public static class AtomicFile
{
    private const string TempSuffix = ".tmp-";

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="content"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = full + TempSuffix + Environment.ProcessId;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, full, overwrite: true);
        SyncFolder(folder);
        RemoveStaleTemps(full);
    }

    public static void WriteAllText(string path, string content) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Reads the file, or returns null when it does not exist.</summary>
    public static byte[]? TryReadAllBytes(string path) => File.Exists(path) ? File.ReadAllBytes(path) : null;

    /// <summary>Makes a rename or create inside <paramref name="folder"/> durable (fsync of the directory).</summary>
    public static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        int fd = open(folder, O_RDONLY | O_DIRECTORY);
        if (fd < 0) return; // best effort: some filesystems refuse to open directories
        try { fsync(fd); } finally { close(fd); }
    }

    private static void RemoveStaleTemps(string full)
    {
        var folder = Path.GetDirectoryName(full)!;
        foreach (var stale in Directory.EnumerateFiles(folder, Path.GetFileName(full) + TempSuffix + "*"))
        {
            try { File.Delete(stale); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private const int O_RDONLY = 0;
    // O_DIRECTORY differs between architectures (asm-generic vs x86).
    private static readonly int O_DIRECTORY =
        RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;
    [DllImport("libc", SetLastError = true)] private static extern int open(string path, int flags);
    [DllImport("libc", SetLastError = true)] private static extern int fsync(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
}
