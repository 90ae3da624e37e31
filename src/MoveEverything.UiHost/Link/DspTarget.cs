namespace MoveEverything.UiHost.Link;

/// <summary>Which DSP instance a message is meant for.</summary>
public enum DspComponent
{
    /// <summary>The overtake/tool module's own DSP (single-tenant, as slot 0's overtake DSP in the original).</summary>
    Overtake,
    SoundGenerator,
    AudioFx,
    MidiFx,
}

/// <summary>A DSP instance: a chain slot (0–3) and a component in it, or the overtake DSP.</summary>
public readonly record struct DspTarget(int Slot, DspComponent Component)
{
    public const int SlotCount = 4;

    public static DspTarget Overtake { get; } = new(0, DspComponent.Overtake);

    public override string ToString() =>
        Component == DspComponent.Overtake ? "overtake" : $"slot{Slot + 1}:{Component}";
}
