using static MoveEverything.Modules.Elf.ElfConstants;

namespace MoveEverything.Modules.Elf;

/// <summary>The program headers we need: PT_LOAD (to map addresses to file offsets) and PT_DYNAMIC.</summary>
internal sealed class ElfSegments
{
    public readonly record struct Segment(long Offset, long VirtualAddress, long Size);

    private readonly List<Segment> _loads;

    private ElfSegments(List<Segment> loads, Segment? dynamic) => (_loads, Dynamic) = (loads, dynamic);

    public Segment? Dynamic { get; }

    /// <summary>File offset of a virtual address, or −1 when no PT_LOAD segment holds it.</summary>
    public long ToOffset(long address)
    {
        foreach (var s in _loads)
            if (address >= s.VirtualAddress && address < s.VirtualAddress + s.Size)
                return s.Offset + (address - s.VirtualAddress);
        return -1;
    }

    public static ElfSegments? Read(ElfBytes f, out ElfError? error)
    {
        error = null;
        if (!f.TryU64(32, out var phoff) || !f.TryU16(54, out var phentsize) || !f.TryU16(56, out var phnum))
        { error = new ElfError(ElfErrorKind.Truncated, "the file ends inside its ELF header"); return null; }
        if (phnum > 0 && phentsize != ProgramHeader64Size)
        { error = new ElfError(ElfErrorKind.Malformed, $"program header size {phentsize}, expected 56"); return null; }
        var loads = new List<Segment>();
        Segment? dynamic = null;
        for (var i = 0; i < phnum; i++)
        {
            var at = (long)phoff + (long)i * ProgramHeader64Size;
            if (!f.TryU32(at, out var type) || !f.TryU64(at + 8, out var offset) || !f.TryU64(at + 16, out var vaddr) || !f.TryU64(at + 32, out var filesz))
            { error = new ElfError(ElfErrorKind.Truncated, "the file ends inside its program headers (truncated download or copy?)"); return null; }
            if (offset > long.MaxValue || vaddr > long.MaxValue || filesz > long.MaxValue) continue;
            var segment = new Segment((long)offset, (long)vaddr, (long)filesz);
            if (type == SegmentLoad) loads.Add(segment);
            else if (type == SegmentDynamic) dynamic = segment;
        }
        return new ElfSegments(loads, dynamic);
    }
}
