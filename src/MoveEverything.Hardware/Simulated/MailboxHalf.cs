using System.Runtime.CompilerServices;

namespace MoveEverything.Hardware.Simulated;

/// <summary>One 2048-byte half of the mailbox page as an unmanaged value, the element of the link's rings.</summary>
[InlineArray(MailboxLayout.RxOffset)]
public struct MailboxHalf
{
    private byte _first;
}
