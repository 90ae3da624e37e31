namespace MoveEverything.Modules.Elf;

/// <summary>Why a file could not be read as a loadable native library.</summary>
public enum ElfErrorKind
{
    /// <summary>The file does not exist or cannot be opened.</summary>
    FileUnreadable,
    /// <summary>No ELF magic number: a text file, a macOS/Windows binary, an archive…</summary>
    NotAnElf,
    /// <summary>The file ends before a structure its header points to.</summary>
    Truncated,
    /// <summary>A 32-bit ELF: neither the Move nor our hosts load those.</summary>
    WrongClass,
    /// <summary>Big-endian ELF.</summary>
    WrongByteOrder,
    /// <summary>An ELF that is not a shared object (an object file or a static executable).</summary>
    NotASharedObject,
    /// <summary>Offsets or sizes in the file contradict each other.</summary>
    Malformed,
}
