namespace MoveEverything.Engine.Realtime;

/// <summary>
/// Parses namespaced parameter keys held as UTF-8 bytes, without allocating (block thread):
/// <c>synth:&lt;k&gt;</c> → sound generator, <c>fx1:</c>…<c>fx4:</c> → audio FX 1–4, <c>midi_fx1:</c>/<c>midi_fx2:</c> →
/// MIDI FX, <c>slot:&lt;k&gt;</c> → the slot (volume, receive_channel). Anything else is <see cref="ParamScope.Unknown"/>.
/// </summary>
public static class ParamRouter
{
    private static ReadOnlySpan<byte> Synth => "synth:"u8;
    private static ReadOnlySpan<byte> Fx => "fx"u8;
    private static ReadOnlySpan<byte> MidiFx => "midi_fx"u8;
    private static ReadOnlySpan<byte> SlotPrefix => "slot:"u8;

    /// <summary>Slot key: gain 0..max (e.g. "1.5" = 150 %).</summary>
    public static ReadOnlySpan<byte> SlotVolume => "volume"u8;
    /// <summary>Slot key: −1 all channels, 0–15 (0-based) one channel.</summary>
    public static ReadOnlySpan<byte> SlotReceiveChannel => "receive_channel"u8;

    public static ParamRoute Resolve(ReadOnlySpan<byte> key)
    {
        if (key.StartsWith(Synth)) return new(ParamScope.Plugin, ChainPosition.SoundGenerator, Synth.Length);
        if (key.StartsWith(SlotPrefix)) return new(ParamScope.Slot, ChainPosition.None, SlotPrefix.Length);
        if (key.StartsWith(MidiFx) && key.Length > MidiFx.Length + 1 && key[MidiFx.Length + 1] == (byte)':')
        {
            int n = key[MidiFx.Length] - (byte)'0';
            if (n is 1 or 2) return new(ParamScope.Plugin, (ChainPosition)((int)ChainPosition.MidiFx1 + (n - 1)), MidiFx.Length + 2);
        }
        if (key.StartsWith(Fx) && key.Length > Fx.Length + 1 && key[Fx.Length + 1] == (byte)':')
        {
            int n = key[Fx.Length] - (byte)'0';
            if (n is >= 1 and <= 4) return new(ParamScope.Plugin, (ChainPosition)((int)ChainPosition.AudioFx1 + (n - 1)), Fx.Length + 2);
        }
        return new(ParamScope.Unknown, ChainPosition.None, 0);
    }
}
