namespace MoveEverything.Modules.Manifests;

/// <summary>Mapping between <c>component_type</c> strings, <see cref="ComponentKind"/> and install folders.</summary>
public static class ComponentKinds
{
    private static readonly Dictionary<string, ComponentKind> ByName = new(StringComparer.Ordinal)
    {
        ["sound_generator"] = ComponentKind.SoundGenerator,
        ["audio_fx"] = ComponentKind.AudioFx,
        ["midi_fx"] = ComponentKind.MidiFx,
        ["utility"] = ComponentKind.Utility,
        ["overtake"] = ComponentKind.Overtake,
        ["tool"] = ComponentKind.Tool,
        ["system"] = ComponentKind.System,
        ["featured"] = ComponentKind.Featured,
        ["midi_source"] = ComponentKind.MidiSource,
        ["other"] = ComponentKind.Other,
    };

    /// <summary>The known <c>component_type</c> strings.</summary>
    public static IReadOnlyCollection<string> KnownNames => ByName.Keys;

    /// <summary>True when <paramref name="name"/> is a known component_type string.</summary>
    public static bool TryParse(string? name, out ComponentKind kind)
    {
        kind = ComponentKind.Other;
        return name is not null && ByName.TryGetValue(name, out kind);
    }

    /// <summary>The category folder a module of this kind is installed into (schwung-spec §4.1).</summary>
    public static string InstallSubdirectory(ComponentKind kind) => kind switch
    {
        ComponentKind.SoundGenerator => "sound_generators",
        ComponentKind.AudioFx => "audio_fx",
        ComponentKind.MidiFx => "midi_fx",
        ComponentKind.Utility => "utilities",
        ComponentKind.Overtake => "overtake",
        ComponentKind.Tool => "tools",
        _ => "other",
    };
}
