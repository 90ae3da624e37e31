using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Process;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Realtime;

/// <summary>Loads and unloads (control thread): edit a copy of the slot's chain and publish it.</summary>
public sealed unsafe partial class NativeEngineRack
{
    /// <summary>Control thread: loads the .so at <paramref name="path"/> into a chain position and publishes the edited chain.</summary>
    public PluginLoadOutcome Load(int slot, int position, string path)
    {
        CollectRetired();
        if (!TryPosition(position, out var chainPosition) || (uint)slot > (uint)_options.Slots
            || (slot == _options.Slots && chainPosition < ChainPosition.AudioFx1))
            return new(LoadResultCode.InvalidSlot, "", $"no slot {slot} position {position} for a plugin");
        var kind = chainPosition switch
        {
            ChainPosition.SoundGenerator => PluginKind.SoundGenerator,
            ChainPosition.MidiFx1 or ChainPosition.MidiFx2 => PluginKind.MidiFx,
            _ => PluginKind.AudioFx,
        };
        string moduleId = ModuleIdOf(path);
        int rackSlot = slot == _options.Slots ? CallMarker.SlotMaster : slot;
        var result = _loader.Load(new PluginLoadRequest(moduleId, path, kind, Slot: rackSlot, ReceiveChannel: ReceiveChannel(slot)));
        if (!result.Succeeded) return new(CodeOf(result.Failure.Kind), moduleId, result.Failure.Reason);
        var edited = Edit(slot, chainPosition, result.Plugin);
        if (edited is null)
        {
            _loader.Unload(result.Plugin);
            return new(LoadResultCode.InvalidSlot, moduleId, $"slot {slot} has no room at position {position}");
        }
        PublishEdited(slot, edited);
        return new(LoadResultCode.Ok, moduleId, $"{moduleId} loaded ({result.Plugin.Flavor})");
    }

    /// <summary>Control thread: removes the plugin at a position; it is unloaded once the block thread let go of it.</summary>
    public PluginLoadOutcome Unload(int slot, int position)
    {
        CollectRetired();
        if (!TryPosition(position, out var chainPosition) || (uint)slot > (uint)_options.Slots)
            return new(LoadResultCode.InvalidSlot, "", $"no slot {slot} position {position}");
        var current = _latest[slot].PluginAt(chainPosition);
        if (current is null) return new(LoadResultCode.Ok, "", "nothing loaded there");
        PublishEdited(slot, Edit(slot, chainPosition, null)!);
        return new(LoadResultCode.Ok, current.ModuleId, $"{current.ModuleId} unloaded");
    }

    /// <summary>Control thread: unloads plugins of chains the block thread retired. Returns the chains collected.</summary>
    public int CollectRetired() => _rack.UnloadRetired(_loader);

    private void PublishEdited(int slot, SlotChain edited)
    {
        var replaced = slot == _options.Slots ? _rack.PublishMaster(edited) : _rack.Publish(slot, edited);
        _latest[slot] = edited;
        replaced?.Unload(_loader, _rack.IsInUse); // never adopted: drop it, keeping the plugins the edit reuses
    }

    /// <summary>A copy of the slot's latest chain with <paramref name="position"/> set to <paramref name="plugin"/> (null clears it).</summary>
    private SlotChain? Edit(int slot, ChainPosition position, NativePlugin? plugin)
    {
        var latest = _latest[slot];
        var midiFx = new List<NativePlugin>(latest.MidiFx);
        var audioFx = new List<NativePlugin>(latest.AudioFx);
        var generator = latest.Generator;
        if (position == ChainPosition.SoundGenerator) generator = plugin;
        else if (position <= ChainPosition.MidiFx2 && !Replace(midiFx, position - ChainPosition.MidiFx1, plugin, _options.MaxMidiFx)) return null;
        else if (position >= ChainPosition.AudioFx1 && !Replace(audioFx, position - ChainPosition.AudioFx1, plugin,
                     slot == _options.Slots ? _options.MaxMasterFx : _options.MaxAudioFx)) return null;
        int rackSlot = slot == _options.Slots ? CallMarker.SlotMaster : slot;
        return new SlotChain(_options, rackSlot, generator, midiFx, audioFx);
    }

    /// <summary>Sets index (appending when it is the next free one) or removes it; false when out of range.</summary>
    private static bool Replace(List<NativePlugin> list, int index, NativePlugin? plugin, int max)
    {
        if (plugin is null)
        {
            if (index < list.Count) list.RemoveAt(index);
            return true;
        }
        if (index < list.Count) list[index] = plugin;
        else if (list.Count < max) list.Add(plugin); // positions pack: a gap is closed
        else return false;
        return true;
    }

    private int ReceiveChannel(int slot) => slot < _options.Slots ? _rack.GetSlotReceiveChannel(slot) : -1;

    /// <summary>The module id for a library path: its folder's name (modules/&lt;category&gt;/&lt;id&gt;/dsp.so).</summary>
    public static string ModuleIdOf(string path)
    {
        string? folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return string.IsNullOrEmpty(folder) ? Path.GetFileNameWithoutExtension(path) : folder;
    }

    private static LoadResultCode CodeOf(PluginLoadFailureKind kind) => kind switch
    {
        PluginLoadFailureKind.FileMissing => LoadResultCode.FileNotFound,
        PluginLoadFailureKind.NotLoadable => LoadResultCode.OpenFailed,
        PluginLoadFailureKind.EntryPointMissing => LoadResultCode.MissingSymbol,
        PluginLoadFailureKind.WrongStructVersion => LoadResultCode.WrongApiVersion,
        PluginLoadFailureKind.CreateInstanceReturnedNull or PluginLoadFailureKind.InitReturnedNull
            or PluginLoadFailureKind.OnLoadFailed or PluginLoadFailureKind.RequiredSlotMissing => LoadResultCode.CreateInstanceFailed,
        PluginLoadFailureKind.SingletonInUse => LoadResultCode.Refused,
        _ => LoadResultCode.Unknown,
    };

    /// <summary>Control thread, after the block thread stopped: unloads everything and frees native memory.</summary>
    public void Dispose()
    {
        if (_key is null) return;
        foreach (var chain in _rack.TakeAllChains()) chain.Unload(_loader);
        _loader.Dispose();
        _rack.Dispose();
        _services.Dispose();
        System.Runtime.InteropServices.NativeMemory.Free(_key);
        System.Runtime.InteropServices.NativeMemory.Free(_value);
        _key = null;
        _value = null;
    }
}
