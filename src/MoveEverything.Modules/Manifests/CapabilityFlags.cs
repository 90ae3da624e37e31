namespace MoveEverything.Modules.Manifests;

/// <summary>
/// The descriptive (safe) capability flags, read from <c>capabilities.*</c> or the top level.
/// The powerful flags (raw_midi, raw_ui, claims_master_knob, button_passthrough) live on
/// <see cref="Manifest"/> itself because they map onto unsafe capabilities.
/// </summary>
public sealed record CapabilityFlags
{
    public bool AudioOut { get; init; }
    /// <summary>Takes audio input; gates the feedback protection.</summary>
    public bool AudioIn { get; init; }
    public bool MidiIn { get; init; }
    public bool MidiOut { get; init; }
    public bool Aftertouch { get; init; }
    /// <summary>Usable in a signal chain slot.</summary>
    public bool Chainable { get; init; }
    /// <summary>MIDI channel the chain forwards to: −2 passthrough (MPE), 1–16, or null (host default).</summary>
    public int? DefaultForwardChannel { get; init; }

    public static CapabilityFlags None { get; } = new();
}
