namespace MoveEverything.Hardware;

/// <summary>
/// Allocation-free enumerator over the MIDI IN list of an RX half: yields events in slot order, stops at the
/// first event whose header byte is 0 (or after slot 31), and skips XMOS heartbeats
/// (<see cref="MidiInEvent.IsHeartbeat"/>). Use with <c>foreach</c>; it is its own enumerator.
/// </summary>
public ref struct MidiInReader
{
    private readonly ReadOnlySpan<MidiInEvent> _slots;
    private int _index;

    public MidiInReader(ReadOnlySpan<MidiInEvent> slots)
    {
        _slots = slots;
        _index = -1;
    }

    public readonly MidiInEvent Current => _slots[_index];

    public readonly MidiInReader GetEnumerator() => this;

    public bool MoveNext()
    {
        while (++_index < _slots.Length)
        {
            var e = _slots[_index];
            if (e.Packet.IsEmpty)
            {
                _index = _slots.Length; // end of list: later slots are stale, never read them
                return false;
            }
            if (!e.IsHeartbeat) return true;
        }
        return false;
    }

    /// <summary>Counts the events this reader would yield (consumes a copy, not this reader).</summary>
    public readonly int Count()
    {
        int n = 0;
        foreach (var _ in new MidiInReader(_slots)) n++;
        return n;
    }
}
