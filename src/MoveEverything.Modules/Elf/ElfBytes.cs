using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace MoveEverything.Modules.Elf;

/// <summary>
/// Bounds-checked little-endian reads from a file or a byte array. Every read past the end
/// returns false instead of throwing, so the ELF reader can report "truncated".
/// </summary>
internal sealed class ElfBytes : IDisposable
{
    private readonly SafeFileHandle? _file;
    private readonly byte[]? _memory;

    private ElfBytes(SafeFileHandle? file, byte[]? memory, long length) => (_file, _memory, Length) = (file, memory, length);

    public long Length { get; }

    public static ElfBytes Of(byte[] bytes) => new(null, bytes, bytes.Length);

    public static ElfBytes Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return new ElfBytes(handle, null, RandomAccess.GetLength(handle));
    }

    public bool TryRead(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset > Length - destination.Length) return false;
        if (_memory is not null)
        {
            _memory.AsSpan((int)offset, destination.Length).CopyTo(destination);
            return true;
        }
        var read = 0;
        while (read < destination.Length)
        {
            var n = RandomAccess.Read(_file!, destination[read..], offset + read);
            if (n <= 0) return false;
            read += n;
        }
        return true;
    }

    public bool TryU16(long offset, out ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        var ok = TryRead(offset, b);
        value = ok ? BinaryPrimitives.ReadUInt16LittleEndian(b) : (ushort)0;
        return ok;
    }

    public bool TryU32(long offset, out uint value)
    {
        Span<byte> b = stackalloc byte[4];
        var ok = TryRead(offset, b);
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(b) : 0;
        return ok;
    }

    public bool TryU64(long offset, out ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        var ok = TryRead(offset, b);
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(b) : 0;
        return ok;
    }

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/>; null when out of range.</summary>
    public byte[]? TryReadBlock(long offset, long count)
    {
        if (count < 0 || count > int.MaxValue) return null;
        var buffer = new byte[count];
        return TryRead(offset, buffer) ? buffer : null;
    }

    public void Dispose() => _file?.Dispose();
}
