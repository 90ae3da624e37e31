using MoveEverything.Hardware;

namespace MoveEverything.Simulator.Device;

/// <summary>
/// The most recent audio OUT blocks, numbered from 0, in a fixed ring (the oldest is overwritten), so any
/// number of streaming readers can follow with their own cursor without taking blocks from each other.
/// Invariant: blocks <c>[Written − Capacity, Written)</c> are readable. Not thread-safe: the owner locks.
/// </summary>
internal sealed class AudioHistory
{
    private const int Samples = MailboxLayout.SamplesPerBlock;
    private readonly short[] _ring;

    public AudioHistory(int capacityBlocks)
    {
        Capacity = capacityBlocks;
        _ring = new short[capacityBlocks * Samples];
    }

    public int Capacity { get; }

    /// <summary>Blocks appended so far; the number the next block will get.</summary>
    public long Written { get; private set; }

    public void Append(ReadOnlySpan<short> block)
    {
        block.CopyTo(_ring.AsSpan((int)(Written % Capacity) * Samples, Samples));
        Written++;
    }

    /// <summary>
    /// Copies whole blocks from <paramref name="cursor"/> on into <paramref name="destination"/> and advances
    /// the cursor. A cursor older than the ring jumps to the oldest kept block; the blocks jumped over are
    /// added to <paramref name="skipped"/>. Returns the samples copied (a multiple of 256).
    /// </summary>
    public int Read(ref long cursor, Span<short> destination, out long skipped)
    {
        skipped = 0;
        if (cursor < Written - Capacity)
        {
            skipped = Written - Capacity - cursor;
            cursor = Written - Capacity;
        }
        if (cursor > Written) cursor = Written;
        int blocks = (int)Math.Min(Written - cursor, destination.Length / Samples);
        for (int i = 0; i < blocks; i++)
        {
            _ring.AsSpan((int)((cursor + i) % Capacity) * Samples, Samples).CopyTo(destination.Slice(i * Samples, Samples));
        }
        cursor += blocks;
        return blocks * Samples;
    }
}
