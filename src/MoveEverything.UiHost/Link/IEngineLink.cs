using MoveEverything.Hardware;
namespace MoveEverything.UiHost.Link;

/// <summary>
/// Everything the UI host asks of the engine process. The production implementation speaks the
/// control channel (MoveEverything.Ipc); tests and the in-process simulator use <see cref="InMemoryEngineLink"/>.
/// Invariants: every method is non-blocking except <see cref="GetParam"/> (bounded by
/// <see cref="UiHostOptions.ParamGetTimeout"/> in real links); no method throws for engine-side refusals —
/// they are reported as <see cref="EngineReply"/> values; input arrives on the link's own thread through
/// the <see cref="IEngineInputSink"/> given to <see cref="Start"/>.
/// </summary>
public interface IEngineLink
{
    /// <summary>Begins delivering hardware input and escape notifications to <paramref name="sink"/>.</summary>
    void Start(IEngineInputSink sink);

    /// <summary>Sends a short MIDI message (1–3 bytes) to the DSP of <paramref name="target"/>.</summary>
    void SendMidiToDsp(DspTarget target, ReadOnlySpan<byte> message);

    /// <summary>Fire-and-forget parameter set on the DSP of <paramref name="target"/>.</summary>
    void SetParam(DspTarget target, string key, string value);

    /// <summary>Reads a parameter (value up to <see cref="MaxParamValueBytes"/>); null when the DSP has none.</summary>
    string? GetParam(DspTarget target, string key);

    /// <summary>Queues a 4-byte USB-MIDI packet for the hardware MIDI OUT (LEDs on cable 0, USB-A on cable 2).</summary>
    void SendHardwareMidi(UsbMidiPacket packet);

    /// <summary>
    /// Injects a 4-byte USB-MIDI packet into the engine's input routing as if it came from the hardware (cable 0: the
    /// Move's own controls; cable 2: USB-A input, which plays slots by channel) — <c>move_midi_inject_to_move</c>, only for
    /// a module granted inject_move_midi. Returns false when the engine's command ring is full (nothing queued).
    /// </summary>
    bool InjectToMove(UsbMidiPacket packet);

    /// <summary>Pushes one packed 1024-byte display frame.</summary>
    void PushDisplay(ReadOnlySpan<byte> packedFrame);

    /// <summary>Loads a module's DSP into a slot (or the overtake DSP) or clears it (<c>DspPath</c> null).</summary>
    EngineReply AssignDsp(DspAssignment assignment);

    /// <summary>Tells the engine which controls reach the stock firmware vs the UI host (schwung-spec.md §4.4).</summary>
    void SetOvertake(OvertakeSettings settings);

    /// <summary>
    /// The occupied chain positions as the engine last published them (status block). Default: none (a link with no
    /// engine status). Called from the UI thread a few times a second; not on any audio path.
    /// </summary>
    IReadOnlyList<EngineModuleEntry> ReadModules() => [];

    /// <summary>Largest value <see cref="GetParam"/> may return, in UTF-8 bytes (64 KB as in the original's param SHM).</summary>
    public const int MaxParamValueBytes = 64 * 1024;
}
