namespace MoveEverything.Engine.Realtime;

/// <summary>
/// Bounded single-producer / single-consumer queue of object references over a fixed array: the block thread
/// hands retired chains to the control thread without allocating or locking. (<see cref="Ipc.SpscRing{T}"/> carries
/// only unmanaged structs, so references need this in-process twin.)
/// Producer: the block thread. Consumer: the control thread.
/// </summary>
public sealed class RetireQueue<T> where T : class
{
    private readonly T?[] _items;
    private long _head; // written by the producer
    private long _tail; // written by the consumer

    public RetireQueue(int capacity) => _items = new T?[capacity];

    public int Capacity => _items.Length;

    /// <summary>Producer: true when <see cref="TryEnqueue"/> would fail.</summary>
    public bool IsFull => _head - Volatile.Read(ref _tail) >= _items.Length;

    /// <summary>Producer. False when full (the caller keeps the item and retries next block).</summary>
    public bool TryEnqueue(T item)
    {
        long head = _head;
        if (head - Volatile.Read(ref _tail) >= _items.Length) return false;
        _items[head % _items.Length] = item;
        Volatile.Write(ref _head, head + 1);
        return true;
    }

    /// <summary>Consumer. False when empty.</summary>
    public bool TryDequeue(out T item)
    {
        long tail = _tail;
        if (tail == Volatile.Read(ref _head))
        {
            item = null!;
            return false;
        }
        long index = tail % _items.Length;
        item = _items[index]!;
        _items[index] = null;
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }
}
