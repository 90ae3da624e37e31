using System.IO.MemoryMappedFiles;

namespace MoveEverything.Ipc;

/// <summary>
/// A file-backed shared mapping (by default under /dev/shm) that two processes map at once.
/// Named maps are not supported by .NET on Unix, so the name is a file path; the creator sizes and zeroes it,
/// the other side opens it. The pointer stays valid until Dispose.
/// </summary>
public sealed unsafe class SharedMemoryRegion : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly bool _ownsFile;
    private byte* _pointer;

    public string Path { get; }
    public long Length { get; }
    public byte* Pointer => _pointer;

    private SharedMemoryRegion(string path, long length, bool create)
    {
        Path = path;
        Length = length;
        _ownsFile = create;
        var stream = create
            ? new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)
            : new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        if (create) stream.SetLength(length);
        else if (stream.Length < length)
            throw new InvalidDataException($"shared memory file {path} is {stream.Length} bytes, expected at least {length}");
        _file = MemoryMappedFile.CreateFromFile(stream, null, length, MemoryMappedFileAccess.ReadWrite,
            HandleInheritability.None, leaveOpen: false);
        _view = _file.CreateViewAccessor(0, length, MemoryMappedFileAccess.ReadWrite);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _pointer);
        _pointer += _view.PointerOffset;
    }

    /// <summary>Creates (or truncates) the backing file and maps it zero-filled.</summary>
    public static SharedMemoryRegion Create(string path, long length) => new(path, length, create: true);

    /// <summary>Maps an existing region created by another process.</summary>
    public static SharedMemoryRegion Open(string path, long length) => new(path, length, create: false);

    /// <summary>Default folder for regions: /dev/shm when it exists, else the temp folder.</summary>
    public static string DefaultFolder => Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();

    public void Dispose()
    {
        if (_pointer == null) return;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _pointer = null;
        // Disposing the view msyncs it; with mlockall'd pages (the engine) msync reports EBUSY. Shared memory
        // needs no flush to be seen by the other side, so that error is not one.
        try { _view.Dispose(); } catch (IOException) { }
        _file.Dispose();
        if (_ownsFile)
        {
            try { File.Delete(Path); } catch (IOException) { }
        }
    }
}
