using MoveEverything.Engine.Plugins;

namespace MoveEverything.Engine.Realtime;

/// <summary>Parameter calls into the chain's plugins (block thread; or the control thread before publishing).</summary>
public sealed unsafe partial class SlotChain
{
    /// <summary>The plugin at a chain position, or null when that position is empty.</summary>
    public NativePlugin? PluginAt(ChainPosition position) => position switch
    {
        ChainPosition.SoundGenerator => _generator,
        >= ChainPosition.MidiFx1 and <= ChainPosition.MidiFx2 when (int)(position - ChainPosition.MidiFx1) < _midiFx.Length
            => _midiFx[position - ChainPosition.MidiFx1],
        >= ChainPosition.AudioFx1 and <= ChainPosition.AudioFx4 when (int)(position - ChainPosition.AudioFx1) < _audioFx.Length
            => _audioFx[position - ChainPosition.AudioFx1],
        _ => null,
    };

    /// <summary>set_param on the plugin at <paramref name="position"/>; key and value NUL-terminated UTF-8. False when empty.</summary>
    public bool SetParam(ChainPosition position, byte* key, byte* value, CallMarkerWriter marker)
    {
        var plugin = PluginAt(position);
        if (plugin is null || plugin.IsUnloaded) return false;
        long start = marker.Enter(plugin.IdUtf8, plugin.IdLength, Slot, position, CallPhase.Param);
        plugin.SetParam(key, value);
        End(plugin, marker, start);
        return true;
    }

    /// <summary>get_param on the plugin at <paramref name="position"/>; returns the answer's length or −1.</summary>
    public int GetParam(ChainPosition position, byte* key, byte* buffer, int bufferLength, CallMarkerWriter marker)
    {
        var plugin = PluginAt(position);
        if (plugin is null || plugin.IsUnloaded) return -1;
        long start = marker.Enter(plugin.IdUtf8, plugin.IdLength, Slot, position, CallPhase.Param);
        int length = plugin.GetParam(key, buffer, bufferLength);
        End(plugin, marker, start);
        return length;
    }
}
