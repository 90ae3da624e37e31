namespace MoveEverything.Boot.Files;

/// <summary>
/// The file operations the bootstrap uses, so tests can inject faults (read-only or full disk) and pacing.
/// Every mutating operation is durable when it returns (data and the folder entry fsynced).
/// </summary>
public interface IFileSystem
{
    bool FileExists(string path);
    bool DirectoryExists(string path);
    long FileLength(string path);
    byte[] ReadAllBytes(string path);
    Stream OpenRead(string path);

    /// <summary>Atomic whole-file replacement (AtomicFile): readers see old or new content, never a mix.</summary>
    void WriteAtomic(string path, ReadOnlySpan<byte> content);

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> (replacing it), keeps the mode bits, fsyncs.</summary>
    void CopyDurable(string source, string destination);

    /// <summary>Renames a file over <paramref name="destination"/> atomically and fsyncs the folder.</summary>
    void Rename(string source, string destination);

    /// <summary>Renames a folder (destination must not exist) and fsyncs the parent.</summary>
    void RenameDirectory(string source, string destination);

    void DeleteFile(string path);
    void DeleteDirectory(string path);
    void CreateDirectory(string path);
    IEnumerable<string> EnumerateFiles(string folder);
    IEnumerable<string> EnumerateDirectories(string folder);
    void SetExecutable(string path);
    void SyncFolder(string folder);
}
