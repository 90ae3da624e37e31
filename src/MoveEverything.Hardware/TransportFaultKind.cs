namespace MoveEverything.Hardware;

/// <summary>Which step of the hardware boundary failed.</summary>
public enum TransportFaultKind
{
    None = 0,
    /// <summary>open() of the device node failed (missing device, no permission).</summary>
    OpenFailed,
    /// <summary>mmap() of the 4096-byte page failed.</summary>
    MapFailed,
    /// <summary>The exchange ioctl failed (e.g. ENOTTY: the path is not the SPI device).</summary>
    ExchangeFailed,
    /// <summary>The simulated link's shared memory is missing or not a link.</summary>
    LinkUnavailable,
}
