namespace MoveEverything.Modules.Manifests;

/// <summary>
/// What a module is, from <c>component_type</c>. <see cref="Other"/> covers a missing or unknown
/// value (the original's "anything else → other" rule).
/// </summary>
public enum ComponentKind
{
    Other,
    SoundGenerator,
    AudioFx,
    MidiFx,
    Utility,
    Overtake,
    Tool,
    System,
    Featured,
    MidiSource,
}
