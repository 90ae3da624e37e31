using System.Runtime.CompilerServices;

namespace MoveEverything.Ipc;

/// <summary>
/// A bounded single-producer / single-consumer ring of fixed-size structs laid out in caller-provided
/// memory, usually a <see cref="SharedMemoryRegion"/> mapped by two processes.
///
/// Invariants (asserted in Debug builds and by the tests):
/// - Exactly one thread writes and exactly one thread reads; neither ever blocks or allocates.
/// - <c>tail ≤ head ≤ tail + capacity</c> at every instant, seen from either side.
/// - When full, <see cref="TryWrite"/> drops the new item and increments <see cref="Dropped"/>
///   (drop-newest, like the C original's rings, so the consumer never sees a torn or reordered stream).
/// - <typeparamref name="T"/> is unmanaged, so no message can carry a managed reference across processes.
///
/// Layout: a 256-byte header (capacity, element size, magic; head, tail and the drop counter each on
/// their own 64-byte cache line), then <c>capacity × sizeof(T)</c> bytes of slots. See docs/WIRE-FORMAT.md.
/// </summary>
public readonly unsafe struct SpscRing<T> where T : unmanaged
{
    public const int HeaderBytes = 256;
    private const uint Magic = 0x52505343; // "CSPR"
    private const int CapacityOffset = 0, ElementSizeOffset = 4, MagicOffset = 8;
    private const int HeadOffset = 64, TailOffset = 128, DroppedOffset = 192;

    private readonly byte* _base;
    private readonly long _mask;

    private SpscRing(byte* memory, int capacity)
    {
        _base = memory;
        _mask = capacity - 1;
    }

    /// <summary>Bytes needed for a ring of <paramref name="capacity"/> items (a power of two).</summary>
    public static int RequiredBytes(int capacity) => HeaderBytes + checked(capacity * sizeof(T));

    /// <summary>Formats <paramref name="memory"/> as an empty ring. Only the creating side calls this.</summary>
    public static SpscRing<T> Create(byte* memory, int capacity)
    {
        if (capacity <= 0 || (capacity & (capacity - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be a power of two");
        new Span<byte>(memory, HeaderBytes).Clear();
        *(int*)(memory + CapacityOffset) = capacity;
        *(int*)(memory + ElementSizeOffset) = sizeof(T);
        Volatile.Write(ref *(uint*)(memory + MagicOffset), Magic);
        return new SpscRing<T>(memory, capacity);
    }

    /// <summary>Attaches to a ring another process created; throws if the layout does not match.</summary>
    public static SpscRing<T> Attach(byte* memory)
    {
        if (Volatile.Read(ref *(uint*)(memory + MagicOffset)) != Magic)
            throw new InvalidDataException("shared memory does not hold an SPSC ring (bad magic)");
        int elementSize = *(int*)(memory + ElementSizeOffset);
        if (elementSize != sizeof(T))
            throw new InvalidDataException($"ring element size {elementSize} does not match {typeof(T).Name} ({sizeof(T)} bytes)");
        return new SpscRing<T>(memory, *(int*)(memory + CapacityOffset));
    }

    public int Capacity => (int)(_mask + 1);

    private ref long Head => ref *(long*)(_base + HeadOffset);
    private ref long Tail => ref *(long*)(_base + TailOffset);
    private ref long DroppedRef => ref *(long*)(_base + DroppedOffset);
    private T* Slots => (T*)(_base + HeaderBytes);

    /// <summary>Items dropped because the ring was full (written only by the producer).</summary>
    public long Dropped => Volatile.Read(ref DroppedRef);

    /// <summary>Items currently queued (a snapshot; exact only on the consumer side).</summary>
    public int Count => (int)(Volatile.Read(ref Head) - Volatile.Read(ref Tail));

    /// <summary>Producer side. Returns false (and counts a drop) when the ring is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWrite(in T item)
    {
        long head = Head; // only we write it
        long tail = Volatile.Read(ref Tail);
        if (head - tail > _mask)
        {
            Volatile.Write(ref DroppedRef, DroppedRef + 1);
            return false;
        }
        Slots[head & _mask] = item;
        Volatile.Write(ref Head, head + 1); // release: the slot is visible before the new head
        return true;
    }

    /// <summary>Consumer side. Returns false when the ring is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(out T item)
    {
        long tail = Tail; // only we write it
        long head = Volatile.Read(ref Head); // acquire
        if (tail == head)
        {
            item = default;
            return false;
        }
        item = Slots[tail & _mask];
        Volatile.Write(ref Tail, tail + 1);
        return true;
    }
}
