using System.Buffers.Binary;
using static MoveEverything.Modules.Elf.ElfConstants;

namespace MoveEverything.Modules.Elf;

/// <summary>
/// Finds the dynamic symbol table of a 64-bit little-endian ELF: from the .dynsym section when
/// section headers exist, else (stripped section headers: dlopen does not need them) from the
/// PT_DYNAMIC segment, counting symbols through DT_HASH or DT_GNU_HASH.
/// </summary>
internal static class ElfDynamicSymbols
{
    private readonly record struct Table(long SymOffset, long SymCount, long StrOffset, long StrSize);

    public static (IReadOnlyList<string>? Names, ElfError? Error) Read(ElfBytes f, ElfReaderOptions options)
    {
        var table = FromSections(f, out var error) ?? (error is null ? FromDynamicSegment(f, out error) : null);
        if (error is not null) return (null, error);
        if (table is not { } t) return ([], null); // no dynamic symbols at all: exports nothing
        if (t.SymCount > options.MaxSymbols)
            return (null, new ElfError(ElfErrorKind.Malformed, $"{t.SymCount} dynamic symbols, more than the {options.MaxSymbols} we read"));
        if (t.StrSize > options.MaxStringTableBytes)
            return (null, new ElfError(ElfErrorKind.Malformed, $"a {t.StrSize}-byte dynamic string table, more than the {options.MaxStringTableBytes} we read"));
        var strings = f.TryReadBlock(t.StrOffset, t.StrSize);
        var symbols = f.TryReadBlock(t.SymOffset, t.SymCount * Symbol64Size);
        if (strings is null || symbols is null)
            return (null, Truncated("its dynamic symbol table"));
        return (Exported(symbols, strings), null);
    }

    private static List<string> Exported(byte[] symbols, byte[] strings)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + Symbol64Size <= symbols.Length; i += Symbol64Size)
        {
            var s = symbols.AsSpan(i, Symbol64Size);
            var nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(s);
            int bind = s[4] >> 4, type = s[4] & 0xF, visibility = s[5] & 0x3;
            var sectionIndex = BinaryPrimitives.ReadUInt16LittleEndian(s[6..]);
            var global = bind is 1 or 2 or 10; // GLOBAL, WEAK, GNU_UNIQUE
            var visible = visibility is 0 or 3; // DEFAULT, PROTECTED
            if (!global || !visible || sectionIndex == 0 || type is 3 or 4 || nameOffset >= strings.Length) continue;
            var end = Array.IndexOf(strings, (byte)0, (int)nameOffset);
            if (end > (int)nameOffset) names.Add(System.Text.Encoding.UTF8.GetString(strings, (int)nameOffset, end - (int)nameOffset));
        }
        return [.. names];
    }

    /// <summary>The table named by the SHT_DYNSYM section; null (no error) when there are no section headers or no such section.</summary>
    private static Table? FromSections(ElfBytes f, out ElfError? error)
    {
        error = null;
        if (!f.TryU64(40, out var shoff) || !f.TryU16(58, out var shentsize) || !f.TryU16(60, out var shnum)) { error = Truncated("its ELF header"); return null; }
        if (shoff == 0 || shnum == 0) return null;
        if (shentsize != SectionHeader64Size) { error = new ElfError(ElfErrorKind.Malformed, $"section header size {shentsize}, expected 64"); return null; }
        for (var i = 0; i < shnum; i++)
        {
            var at = (long)shoff + (long)i * SectionHeader64Size;
            if (!f.TryU32(at + 4, out var shType)) { error = Truncated("its section headers"); return null; }
            if (shType != SectionDynSym) continue;
            if (!f.TryU64(at + 24, out var off) || !f.TryU64(at + 32, out var size) || !f.TryU32(at + 40, out var link))
            { error = Truncated("its section headers"); return null; }
            if (link >= shnum) { error = new ElfError(ElfErrorKind.Malformed, ".dynsym links to a missing string table"); return null; }
            var strAt = (long)shoff + link * SectionHeader64Size;
            if (!f.TryU64(strAt + 24, out var strOff) || !f.TryU64(strAt + 32, out var strSize)) { error = Truncated("its section headers"); return null; }
            if (off > long.MaxValue || size > long.MaxValue || strOff > long.MaxValue || strSize > int.MaxValue)
            { error = new ElfError(ElfErrorKind.Malformed, "impossible symbol table offsets"); return null; }
            return new Table((long)off, (long)size / Symbol64Size, (long)strOff, (long)strSize);
        }
        return null;
    }

    private static Table? FromDynamicSegment(ElfBytes f, out ElfError? error)
    {
        error = null;
        var segments = ElfSegments.Read(f, out error);
        if (segments is null) return null;
        if (segments.Dynamic is not { } dyn) return null;
        long symtab = 0, strtab = 0, strsz = 0, hash = 0, gnuHash = 0;
        for (long at = dyn.Offset; at + 16 <= dyn.Offset + dyn.Size; at += 16)
        {
            if (!f.TryU64(at, out var tag) || !f.TryU64(at + 8, out var val)) { error = Truncated("its dynamic section"); return null; }
            if ((long)tag == DynNull) break;
            switch ((long)tag)
            {
                case DynSymTab: symtab = (long)val; break;
                case DynStrTab: strtab = (long)val; break;
                case DynStrSize: strsz = (long)val; break;
                case DynHash: hash = (long)val; break;
                case DynGnuHash: gnuHash = (long)val; break;
            }
        }
        if (symtab == 0 || strtab == 0) return null;
        var symOff = segments.ToOffset(symtab);
        var strOff = segments.ToOffset(strtab);
        if (symOff < 0 || strOff < 0) { error = new ElfError(ElfErrorKind.Malformed, "dynamic tables point outside the loaded segments"); return null; }
        var count = hash != 0 ? HashCount(f, segments.ToOffset(hash)) : gnuHash != 0 ? GnuHashCount(f, segments.ToOffset(gnuHash)) : -1;
        if (count < 0) { error = new ElfError(ElfErrorKind.Malformed, "cannot tell how many dynamic symbols there are (no usable DT_HASH or DT_GNU_HASH)"); return null; }
        return new Table(symOff, count, strOff, strsz);
    }

    /// <summary>DT_HASH: the chain count equals the symbol count.</summary>
    private static long HashCount(ElfBytes f, long at) => at >= 0 && f.TryU32(at + 4, out var nchain) ? nchain : -1;

    /// <summary>DT_GNU_HASH: one past the last symbol reached from any bucket (chains end with bit 0 set).</summary>
    private static long GnuHashCount(ElfBytes f, long at)
    {
        if (at < 0 || !f.TryU32(at, out var nbuckets) || !f.TryU32(at + 4, out var symoffset) || !f.TryU32(at + 8, out var bloomSize)) return -1;
        var buckets = at + 16 + 8L * bloomSize;
        uint last = 0;
        for (long i = 0; i < nbuckets; i++)
        {
            if (!f.TryU32(buckets + 4 * i, out var b)) return -1;
            last = Math.Max(last, b);
        }
        if (last < symoffset) return symoffset;
        var chains = buckets + 4L * nbuckets;
        for (var guard = 0; guard < 10_000_000; guard++)
        {
            if (!f.TryU32(chains + 4L * (last - symoffset), out var h)) return -1;
            if ((h & 1) != 0) return last + 1;
            last++;
        }
        return -1;
    }

    private static ElfError Truncated(string what) =>
        new(ElfErrorKind.Truncated, $"the file ends inside {what} (truncated download or copy?)");
}
