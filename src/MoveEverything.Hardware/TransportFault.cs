using System.Runtime.InteropServices;

namespace MoveEverything.Hardware;

/// <summary>
/// A typed failure of the hardware boundary: what failed, the OS error number, and the path involved.
/// Creating one allocates nothing (the path string already exists), so the block thread may record one;
/// <see cref="Reason"/> formats the human-readable text and is for logs and status, never the block path.
/// </summary>
public readonly record struct TransportFault(TransportFaultKind Kind, int Errno, string? Path)
{
    public static TransportFault None => default;

    public bool IsNone => Kind == TransportFaultKind.None;

    /// <summary>A sentence a user can read, e.g. "exchange ioctl 10 on /tmp/x failed: Inappropriate ioctl for device (errno 25)".</summary>
    public string Reason => Kind switch
    {
        TransportFaultKind.None => "no fault",
        TransportFaultKind.OpenFailed => $"cannot open {Path}: {Describe()}",
        TransportFaultKind.MapFailed => $"cannot map the {MailboxLayout.PageSize}-byte mailbox page of {Path}: {Describe()}",
        TransportFaultKind.ExchangeFailed =>
            $"exchange ioctl {MailboxLayout.ExchangeIoctl} ({MailboxLayout.ExchangeBytes} bytes) on {Path} failed: {Describe()}",
        TransportFaultKind.LinkUnavailable => $"simulated link {Path} is not usable: {Describe()}",
        _ => $"{Kind} on {Path}: {Describe()}",
    };

    private string Describe() => Errno == 0 ? "no OS error" : $"{Marshal.GetPInvokeErrorMessage(Errno)} (errno {Errno})";

    public override string ToString() => Reason;
}
