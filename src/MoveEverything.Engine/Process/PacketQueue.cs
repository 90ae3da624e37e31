namespace MoveEverything.Engine.Process;

/// <summary>
/// A single-thread bounded FIFO of USB-MIDI packets (MIDI OUT waiting for a later block). Preallocated;
/// when full, new packets are dropped and counted — LED updates are idempotent, the next one repairs.
/// </summary>
public sealed class PacketQueue
{
    private readonly uint[] _items;
    private readonly int _mask;
    private long _head, _tail;

    public PacketQueue(int capacity)
    {
        if (capacity <= 0 || (capacity & (capacity - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(capacity), "power of two");
        _items = new uint[capacity];
        _mask = capacity - 1;
    }

    public long Dropped { get; private set; }
    public int Count => (int)(_head - _tail);

    public bool Enqueue(uint packet)
    {
        if (_head - _tail > _mask) { Dropped++; return false; }
        _items[_head++ & _mask] = packet;
        return true;
    }

    public bool TryDequeue(out uint packet)
    {
        if (_tail == _head) { packet = 0; return false; }
        packet = _items[_tail++ & _mask];
        return true;
    }
}
