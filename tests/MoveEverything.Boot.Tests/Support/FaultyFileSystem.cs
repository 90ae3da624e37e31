using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Tests.Support;

/// <summary>
/// The real filesystem with injected failures: each rule names an operation (or "*") and a path predicate and the
/// exception to throw, e.g. ENOSPC on the copy of the stock backup or EROFS on every write below /opt.
/// </summary>
public sealed class FaultyFileSystem : IFileSystem
{
    private readonly IFileSystem _inner = PhysicalFileSystem.Instance;
    private readonly List<(string Op, Func<string, bool> Path, Func<Exception> Error)> _rules = [];

    public List<string> Mutations { get; } = [];

    public FaultyFileSystem Fail(string op, Func<string, bool> path, Func<Exception> error)
    {
        _rules.Add((op, path, error));
        return this;
    }

    public static Exception DiskFull() => new IOException("No space left on device", 28);
    public static Exception ReadOnly() => new IOException("Read-only file system", 30);

    private void Check(string op, string path)
    {
        foreach (var rule in _rules)
            if ((rule.Op == "*" || rule.Op == op) && rule.Path(path)) throw rule.Error();
    }

    private void Mutate(string op, string path)
    {
        Check(op, path);
        Mutations.Add($"{op} {path}");
    }

    public bool FileExists(string path) => _inner.FileExists(path);
    public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
    public long FileLength(string path) => _inner.FileLength(path);
    public byte[] ReadAllBytes(string path) { Check("Read", path); return _inner.ReadAllBytes(path); }
    public Stream OpenRead(string path) { Check("Read", path); return _inner.OpenRead(path); }
    public void WriteAtomic(string path, ReadOnlySpan<byte> content) { Mutate("WriteAtomic", path); _inner.WriteAtomic(path, content); }
    public void CopyDurable(string source, string destination) { Mutate("CopyDurable", destination); _inner.CopyDurable(source, destination); }
    public void Rename(string source, string destination) { Mutate("Rename", destination); _inner.Rename(source, destination); }
    public void RenameDirectory(string source, string destination) { Mutate("RenameDirectory", destination); _inner.RenameDirectory(source, destination); }
    public void DeleteFile(string path) { Mutate("DeleteFile", path); _inner.DeleteFile(path); }
    public void DeleteDirectory(string path) { Mutate("DeleteDirectory", path); _inner.DeleteDirectory(path); }
    public void CreateDirectory(string path) { Mutate("CreateDirectory", path); _inner.CreateDirectory(path); }
    public IEnumerable<string> EnumerateFiles(string folder) => _inner.EnumerateFiles(folder);
    public IEnumerable<string> EnumerateDirectories(string folder) => _inner.EnumerateDirectories(folder);
    public void SetExecutable(string path) { Mutate("SetExecutable", path); _inner.SetExecutable(path); }
    public void SyncFolder(string folder) => _inner.SyncFolder(folder);
}
