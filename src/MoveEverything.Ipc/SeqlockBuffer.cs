namespace MoveEverything.Ipc;

/// <summary>
/// A single-writer latest-value buffer in shared memory guarded by a sequence lock: the writer makes the
/// sequence odd, copies, then even; a reader copies and accepts only when it saw the same even sequence
/// before and after. Used for the display frame (UI writes, engine reads) and for large parameter values
/// (engine writes, UI reads). Neither side blocks or allocates; a reader that races a writer simply retries
/// later and keeps its previous copy.
/// Layout: 64-byte header (uint32 sequence, uint32 tag, int32 length, uint32 writes), then the data.
/// </summary>
public readonly unsafe struct SeqlockBuffer
{
    public const int HeaderBytes = 64;
    private readonly byte* _base;
    public int Capacity { get; }

    public SeqlockBuffer(byte* memory, int capacity) { _base = memory; Capacity = capacity; }

    public static int RequiredBytes(int capacity) => HeaderBytes + capacity;

    private ref uint Sequence => ref *(uint*)_base;
    private ref uint Tag => ref *(uint*)(_base + 4);
    private ref int LengthRef => ref *(int*)(_base + 8);
    private ref uint Writes => ref *(uint*)(_base + 12);
    private byte* Data => _base + HeaderBytes;

    /// <summary>Number of completed writes (a cheap "is there something new" check).</summary>
    public uint WriteCount => Volatile.Read(ref Writes);

    /// <summary>Writer side: publishes <paramref name="value"/> (cut to capacity) under <paramref name="tag"/>.</summary>
    public int Write(ReadOnlySpan<byte> value, uint tag)
    {
        int n = Math.Min(value.Length, Capacity);
        uint s = Sequence;
        Volatile.Write(ref Sequence, s + 1);
        Interlocked.MemoryBarrier();
        value[..n].CopyTo(new Span<byte>(Data, Capacity));
        Tag = tag;
        LengthRef = n;
        Interlocked.MemoryBarrier();
        Volatile.Write(ref Sequence, s + 2);
        Volatile.Write(ref Writes, Writes + 1);
        return n;
    }

    /// <summary>
    /// Reader side: copies the current value into <paramref name="destination"/> when it is consistent
    /// (and, if <paramref name="expectedTag"/> is given, carries that tag). Returns the length, or −1.
    /// </summary>
    public int TryRead(Span<byte> destination, uint? expectedTag = null)
    {
        uint s1 = Volatile.Read(ref Sequence);
        if ((s1 & 1) != 0) return -1;
        Interlocked.MemoryBarrier();
        uint tag = Tag;
        int n = LengthRef;
        if (expectedTag is uint want && tag != want) return -1;
        if (n < 0 || n > Capacity || n > destination.Length) return -1;
        new ReadOnlySpan<byte>(Data, n).CopyTo(destination);
        Interlocked.MemoryBarrier();
        return Volatile.Read(ref Sequence) == s1 ? n : -1;
    }
}
