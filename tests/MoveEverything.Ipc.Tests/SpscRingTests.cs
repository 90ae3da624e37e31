using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Xunit;
using MoveEverything.Ipc;

namespace MoveEverything.Ipc.Tests;

public unsafe class SpscRingTests
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Sample { public int Sequence; public long Payload; }

    private static byte* Allocate(int bytes) => (byte*)NativeMemory.AllocZeroed((nuint)bytes);

    [Fact]
    public void Overfilling_drops_the_newest_items_and_counts_them()
    {
        var memory = Allocate(SpscRing<Sample>.RequiredBytes(8));
        try
        {
            var ring = SpscRing<Sample>.Create(memory, 8);
            for (int i = 0; i < 11; i++) ring.TryWrite(new Sample { Sequence = i });
            Assert.Equal(3, ring.Dropped);
            Assert.Equal(8, ring.Count);
            for (int i = 0; i < 8; i++)
            {
                Assert.True(ring.TryRead(out var item));
                Assert.Equal(i, item.Sequence); // oldest kept, newest dropped
            }
            Assert.False(ring.TryRead(out _));
        }
        finally { NativeMemory.Free(memory); }
    }

    [Fact]
    public void Attach_refuses_memory_of_another_element_type()
    {
        var memory = Allocate(SpscRing<long>.RequiredBytes(4));
        try
        {
            SpscRing<long>.Create(memory, 4);
            var error = Assert.Throws<InvalidDataException>(() => SpscRing<Sample>.Attach(memory));
            Assert.Contains("element size", error.Message);
        }
        finally { NativeMemory.Free(memory); }
    }

    [Fact]
    public void A_producer_and_a_consumer_thread_see_every_item_in_order()
    {
        const int total = 200_000;
        var memory = Allocate(SpscRing<Sample>.RequiredBytes(64));
        try
        {
            var ring = SpscRing<Sample>.Create(memory, 64);
            var producer = new Thread(() =>
            {
                for (int i = 0; i < total; i++)
                    while (!ring.TryWrite(new Sample { Sequence = i, Payload = i * 3L })) Thread.SpinWait(1);
            });
            producer.Start();
            int expected = 0;
            while (expected < total)
            {
                if (!ring.TryRead(out var item)) { Thread.SpinWait(1); continue; }
                Assert.Equal(expected, item.Sequence);
                Assert.Equal(expected * 3L, item.Payload);
                expected++;
            }
            producer.Join();
        }
        finally { NativeMemory.Free(memory); }
    }

    [Property(MaxTest = 200)]
    public bool Count_never_exceeds_capacity_and_reads_return_writes_in_order(bool[] ops)
    {
        var memory = Allocate(SpscRing<int>.RequiredBytes(4));
        try
        {
            var ring = SpscRing<int>.Create(memory, 4);
            var model = new Queue<int>();
            int next = 0;
            foreach (bool write in ops)
            {
                if (write)
                {
                    bool ok = ring.TryWrite(next);
                    if (ok != (model.Count < 4)) return false;
                    if (ok) model.Enqueue(next);
                    next++;
                }
                else
                {
                    bool ok = ring.TryRead(out int value);
                    if (ok != (model.Count > 0)) return false;
                    if (ok && value != model.Dequeue()) return false;
                }
                if (ring.Count > ring.Capacity) return false;
            }
            return true;
        }
        finally { NativeMemory.Free(memory); }
    }

    [Fact]
    public void Two_mappings_of_one_shared_file_form_one_ring()
    {
        var path = Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-test-{Guid.NewGuid():N}");
        int bytes = SpscRing<Sample>.RequiredBytes(16);
        using var creator = SharedMemoryRegion.Create(path, bytes);
        using var other = SharedMemoryRegion.Open(path, bytes);
        var writer = SpscRing<Sample>.Create(creator.Pointer, 16);
        var reader = SpscRing<Sample>.Attach(other.Pointer);
        Assert.True(writer.TryWrite(new Sample { Sequence = 42 }));
        Assert.True(reader.TryRead(out var item));
        Assert.Equal(42, item.Sequence);
    }
}
