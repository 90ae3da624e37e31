using static MoveEverything.Modules.Elf.ElfConstants;

namespace MoveEverything.Modules.Elf;

/// <summary>
/// Reads the CPU (e_machine) and exported dynamic symbols of a native library without loading it,
/// so a dsp.so for another CPU, or not an ELF at all, is refused with a reason instead of crashing
/// dlopen. Only 64-bit little-endian shared objects are accepted (the Move and our hosts).
/// Invariant: never throws; every problem is an <see cref="ElfError"/>.
/// </summary>
public static class ElfReader
{
    public static ElfReadResult Read(string path, ElfReaderOptions? options = null)
    {
        try
        {
            using var bytes = ElfBytes.Open(path);
            return Read(bytes, options ?? ElfReaderOptions.Default);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ElfReadResult.Failure(ElfErrorKind.FileUnreadable, $"cannot read {path}: {e.Message}");
        }
    }

    public static ElfReadResult Read(byte[] content, ElfReaderOptions? options = null)
    {
        using var bytes = ElfBytes.Of(content);
        return Read(bytes, options ?? ElfReaderOptions.Default);
    }

    private static ElfReadResult Read(ElfBytes f, ElfReaderOptions options)
    {
        Span<byte> ident = stackalloc byte[16];
        if (!f.TryRead(0, ident[..4]) || ident[0] != 0x7F || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F')
            return ElfReadResult.Failure(ElfErrorKind.NotAnElf, "not a native library (no ELF header); it must be a Linux .so built for the Move");
        if (!f.TryRead(0, ident) || !f.TryU16(18, out var machine))
            return ElfReadResult.Failure(ElfErrorKind.Truncated, "the file ends inside its ELF header (truncated download or copy?)");
        if (ident[4] == ClassElf32)
            return ElfReadResult.Failure(ElfErrorKind.WrongClass, $"a 32-bit library ({MachineName(machine)}); the Move needs a 64-bit AArch64 build");
        if (ident[4] != ClassElf64)
            return ElfReadResult.Failure(ElfErrorKind.Malformed, $"unknown ELF class {ident[4]}");
        if (ident[5] == DataBigEndian)
            return ElfReadResult.Failure(ElfErrorKind.WrongByteOrder, "a big-endian library; the Move needs a little-endian AArch64 build");
        if (ident[5] != DataLittleEndian)
            return ElfReadResult.Failure(ElfErrorKind.Malformed, $"unknown ELF byte order {ident[5]}");
        if (f.Length < Header64Size || !f.TryU16(16, out var type))
            return ElfReadResult.Failure(ElfErrorKind.Truncated, "the file ends inside its ELF header (truncated download or copy?)");
        if (type != TypeDyn)
            return ElfReadResult.Failure(ElfErrorKind.NotASharedObject,
                $"an ELF {(type == TypeExec ? "executable" : $"file of type {type}")}, not a shared library (build with -shared -fPIC)");
        var symbols = ElfDynamicSymbols.Read(f, options);
        if (symbols.Error is { } error) return ElfReadResult.Failure(error.Kind, error.Message);
        return ElfReadResult.Success(new ElfInfo(machine, CpuOf(machine), symbols.Names!));
    }
}
