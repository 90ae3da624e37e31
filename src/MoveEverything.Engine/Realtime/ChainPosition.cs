namespace MoveEverything.Engine.Realtime;

/// <summary>Where in a slot chain a plugin sits (one byte on the wire).</summary>
public enum ChainPosition : byte
{
    None = 0,
    MidiFx1 = 1,
    MidiFx2 = 2,
    SoundGenerator = 3,
    AudioFx1 = 4,
    AudioFx2 = 5,
    AudioFx3 = 6,
    AudioFx4 = 7,
}
