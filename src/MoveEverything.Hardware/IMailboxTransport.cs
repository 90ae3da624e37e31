namespace MoveEverything.Hardware;

/// <summary>
/// The hardware boundary: owns one 4096-byte mailbox page and exchanges it with the device once per
/// audio block. On a Move this is /dev/ablspi0.0 (mmap + ioctl 10, which blocks until the next block);
/// in the simulator it is a clocked in-memory or shared-memory device.
/// Invariant: <see cref="Exchange"/> is called from one thread only (the engine's block thread), and it
/// neither allocates nor logs.
/// </summary>
public unsafe interface IMailboxTransport : IDisposable
{
    /// <summary>Pointer to the page; valid until Dispose. Length is <see cref="MailboxLayout.PageSize"/>.</summary>
    byte* Page { get; }

    /// <summary>Sends the TX half and receives the RX half; returns when the next block may be computed.</summary>
    void Exchange();

    /// <summary>
    /// The last failure of <see cref="Exchange"/>, or <see cref="TransportFault.None"/>. Exchange itself never
    /// throws on the block path; the engine polls this (e.g. once per block) and reports the typed reason.
    /// </summary>
    TransportFault Fault => TransportFault.None;
}
