using MoveEverything.Ipc;

namespace MoveEverything.Hardware.Simulated;

/// <summary>
/// The wire between the engine and a simulated Move: one shared-memory region (a file under /dev/shm, so the
/// two sides may live in different processes) holding two SPSC rings of <see cref="MailboxHalf"/>:
/// TX halves engine → device, RX halves device → engine.
/// Layout: a 256-byte link header (magic "MEVL", version, ring capacity), the TX ring, then the RX ring
/// (each <see cref="SpscRing{T}.RequiredBytes"/> long).
/// Invariants: at most one <see cref="SimulatedMailboxTransport"/> and one <see cref="SimulatedDeviceEndpoint"/>
/// use a link at a time (each ring has one producer and one consumer); the creator formats the rings.
/// Typical use: the simulator process <see cref="Create"/>s the link and takes the device endpoint; the engine
/// process calls <see cref="SimulatedMailboxTransport.Attach"/> with the same path.
/// </summary>
public sealed unsafe class SimulatedLink : IDisposable
{
    /// <summary>Default ring capacity in halves (8 blocks ≈ 23 ms of slack between the two sides).</summary>
    public const int DefaultRingCapacity = 8;

    private const uint Magic = 0x4C56454D; // "MEVL"
    private const int Version = 1, HeaderBytes = 256;

    private readonly SharedMemoryRegion _region;

    private SimulatedLink(SharedMemoryRegion region, SpscRing<MailboxHalf> tx, SpscRing<MailboxHalf> rx)
    {
        _region = region;
        Tx = tx;
        Rx = rx;
    }

    /// <summary>Path of the backing file; pass it to the other process.</summary>
    public string Path => _region.Path;

    internal SpscRing<MailboxHalf> Tx { get; }

    internal SpscRing<MailboxHalf> Rx { get; }

    /// <summary>Bytes a link with <paramref name="ringCapacity"/> halves per ring occupies.</summary>
    public static long RequiredBytes(int ringCapacity) => HeaderBytes + 2L * SpscRing<MailboxHalf>.RequiredBytes(ringCapacity);

    /// <summary>A fresh path under /dev/shm (or the temp folder) for a new link.</summary>
    public static string NewPath() =>
        System.IO.Path.Combine(SharedMemoryRegion.DefaultFolder, $"mev-link-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Creates and formats a link; the file is deleted when this link is disposed.</summary>
    public static SimulatedLink Create(string path, int ringCapacity = DefaultRingCapacity)
    {
        var region = SharedMemoryRegion.Create(path, RequiredBytes(ringCapacity));
        byte* p = region.Pointer;
        var tx = SpscRing<MailboxHalf>.Create(p + HeaderBytes, ringCapacity);
        var rx = SpscRing<MailboxHalf>.Create(p + HeaderBytes + SpscRing<MailboxHalf>.RequiredBytes(ringCapacity), ringCapacity);
        *(int*)(p + 4) = Version;
        *(int*)(p + 8) = ringCapacity;
        Volatile.Write(ref *(uint*)p, Magic); // last: the other side attaches only to a formatted link
        return new SimulatedLink(region, tx, rx);
    }

    /// <summary>
    /// Attaches to a link another process created. Returns false with a
    /// <see cref="TransportFaultKind.LinkUnavailable"/> fault when the file is missing, too short or not a link.
    /// </summary>
    public static bool TryOpen(string path, out SimulatedLink? link, out TransportFault fault)
    {
        link = null;
        long length;
        try { length = new FileInfo(path).Length; }
        catch (IOException) { length = 0; }
        if (!File.Exists(path) || length < HeaderBytes)
        {
            fault = new TransportFault(TransportFaultKind.LinkUnavailable, File.Exists(path) ? 0 : 2, path);
            return false;
        }
        var region = SharedMemoryRegion.Open(path, length);
        byte* p = region.Pointer;
        int capacity = *(int*)(p + 8);
        if (Volatile.Read(ref *(uint*)p) != Magic || *(int*)(p + 4) != Version || capacity <= 0
            || RequiredBytes(capacity) > length)
        {
            region.Dispose();
            fault = new TransportFault(TransportFaultKind.LinkUnavailable, 0, path);
            return false;
        }
        var tx = SpscRing<MailboxHalf>.Attach(p + HeaderBytes);
        var rx = SpscRing<MailboxHalf>.Attach(p + HeaderBytes + SpscRing<MailboxHalf>.RequiredBytes(capacity));
        link = new SimulatedLink(region, tx, rx);
        fault = TransportFault.None;
        return true;
    }

    /// <summary>The engine side of this link (does not own the link).</summary>
    public SimulatedMailboxTransport CreateEngineTransport(BlockClock clock) => new(this, clock, ownsLink: false);

    /// <summary>The device side of this link (does not own the link).</summary>
    public SimulatedDeviceEndpoint CreateDeviceEndpoint() => new(this, ownsLink: false);

    public void Dispose() => _region.Dispose();
}
