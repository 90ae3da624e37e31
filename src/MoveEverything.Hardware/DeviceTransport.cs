using System.Runtime.InteropServices;
using MoveEverything.Hardware.Native;

namespace MoveEverything.Hardware;

/// <summary>
/// The real hardware boundary: opens the SPI device node (read-write), maps its 4096-byte page shared, and
/// exchanges it with <c>ioctl(fd, 10, 768)</c> once per block (the ioctl blocks until the device is ready,
/// which is the block clock on a Move). EINTR is retried; any other error is recorded as a typed
/// <see cref="Fault"/> and counted, never thrown, so the block thread stays in control.
/// Opening a plain file of at least 4096 bytes works (open + mmap), but its exchange fails with ENOTTY:
/// that is how the tests exercise this class without a Move.
/// Invariants: <see cref="Exchange"/> allocates nothing and is called from one thread only; the page stays
/// mapped until <see cref="Dispose"/>.
/// </summary>
public sealed unsafe class DeviceTransport : IMailboxTransport
{
    /// <summary>Move's SPI mailbox device node.</summary>
    public const string DefaultPath = "/dev/ablspi0.0";

    private readonly int _fd;
    private byte* _page;

    private DeviceTransport(string path, int fd, byte* page)
    {
        Path = path;
        _fd = fd;
        _page = page;
    }

    public string Path { get; }

    public byte* Page => _page;

    /// <summary>The last exchange failure, or None after a successful exchange.</summary>
    public TransportFault Fault { get; private set; }

    /// <summary>Successful exchanges.</summary>
    public long Exchanges { get; private set; }

    /// <summary>Failed exchanges (EINTR retries excluded).</summary>
    public long FailedExchanges { get; private set; }

    /// <summary>
    /// Opens and maps <paramref name="path"/>. On failure returns false with a typed fault
    /// (<see cref="TransportFaultKind.OpenFailed"/> or <see cref="TransportFaultKind.MapFailed"/>); nothing leaks.
    /// </summary>
    public static bool TryOpen(string path, out DeviceTransport? transport, out TransportFault fault)
    {
        transport = null;
        int fd = LibC.Open(path, LibC.O_RDWR | LibC.O_CLOEXEC);
        if (fd < 0)
        {
            fault = new TransportFault(TransportFaultKind.OpenFailed, Marshal.GetLastPInvokeError(), path);
            return false;
        }
        nint page = LibC.Mmap(0, MailboxLayout.PageSize, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, fd, 0);
        if (page == LibC.MapFailed)
        {
            fault = new TransportFault(TransportFaultKind.MapFailed, Marshal.GetLastPInvokeError(), path);
            LibC.Close(fd);
            return false;
        }
        transport = new DeviceTransport(path, fd, (byte*)page);
        fault = TransportFault.None;
        return true;
    }

    /// <summary>One exchange; a failure is left in <see cref="Fault"/> (see <see cref="TryExchange"/>).</summary>
    public void Exchange() => TryExchange();

    /// <summary>One exchange: ioctl 10 with 768 bytes, retried on EINTR. Returns the fault (None on success).</summary>
    public TransportFault TryExchange()
    {
        ObjectDisposedException.ThrowIf(_page == null, this);
        while (true)
        {
            if (LibC.Ioctl(_fd, MailboxLayout.ExchangeIoctl, MailboxLayout.ExchangeBytes) >= 0)
            {
                Exchanges++;
                Fault = TransportFault.None;
                return Fault;
            }
            int errno = Marshal.GetLastPInvokeError();
            if (errno == LibC.EINTR) continue;
            FailedExchanges++;
            Fault = new TransportFault(TransportFaultKind.ExchangeFailed, errno, Path);
            return Fault;
        }
    }

    public void Dispose()
    {
        if (_page == null) return;
        LibC.Munmap((nint)_page, MailboxLayout.PageSize);
        _page = null;
        LibC.Close(_fd);
    }
}
