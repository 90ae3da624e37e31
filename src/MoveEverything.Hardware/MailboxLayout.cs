namespace MoveEverything.Hardware;

/// <summary>
/// Byte offsets and sizes of the 4096-byte SPI mailbox page of /dev/ablspi0.0
/// (reference: shared/reference/schwung-spec.md §7.2 and §11 fact 1). This is the single place
/// these numbers live; everything that touches the page goes through <see cref="Mailbox"/>.
/// TX = host → device (first half), RX = device → host (second half).
/// </summary>
public static class MailboxLayout
{
    /// <summary>Size of the mmap'ed page.</summary>
    public const int PageSize = 4096;

    /// <summary>Bytes moved by one exchange ioctl (cmd 10, arg 0x300).</summary>
    public const int ExchangeBytes = 768;

    /// <summary>ioctl command number of ABLSPI_WAIT_AND_SEND_MESSAGE_WITH_SIZE.</summary>
    public const int ExchangeIoctl = 10;

    // ---- TX half (host writes) ----
    public const int MidiOutOffset = 0;
    public const int MidiOutSlotSize = 4;
    public const int MidiOutSlots = 20;
    public const int DisplayStatusTxOffset = 80;
    public const int DisplaySliceOffset = 84;
    public const int DisplaySliceSize = 172;
    public const int AudioOutOffset = 256;

    /// <summary>Move's own full display frame region (the shim writes its composited frame here).</summary>
    public const int MoveDisplayOffset = 768;

    // ---- RX half (device writes) ----
    public const int RxOffset = 2048;
    public const int MidiInOffset = 2048;
    public const int MidiInEventSize = 8;
    public const int MidiInEvents = 31;
    public const int DisplayStatusRxOffset = 2296;
    public const int AudioInOffset = 2304;

    // ---- Audio block ----
    public const int SampleRate = 44100;
    public const int FramesPerBlock = 128;
    public const int Channels = 2;
    public const int SamplesPerBlock = FramesPerBlock * Channels;
    public const int AudioBytesPerBlock = SamplesPerBlock * sizeof(short);

    /// <summary>Nominal block period: 128 / 44100 s ≈ 2902 µs.</summary>
    public const double BlockMicroseconds = FramesPerBlock * 1_000_000.0 / SampleRate;

    // ---- Display ----
    public const int DisplayWidth = 128;
    public const int DisplayHeight = 64;
    public const int DisplayFrameBytes = DisplayWidth * DisplayHeight / 8;
    /// <summary>Frame is sent as 6 slices (5 × 172 + 164) over a 7-phase cycle (phase 0 = start of frame).</summary>
    public const int DisplaySlices = 6;
    public const int DisplayPhases = DisplaySlices + 1;
}
