namespace MoveEverything.Engine.Plugins;

/// <summary>What to load, for which slot.</summary>
/// <param name="ModuleId">Module id (from module.json); names the module in failures, logs and the call marker.</param>
/// <param name="LibraryPath">The .so to open.</param>
/// <param name="Kind">Role in the chain; decides the entry points.</param>
/// <param name="ModuleDirectory">Passed to create_instance/on_load as module_dir; defaults to the library's folder.</param>
/// <param name="JsonDefaults">Passed as json_defaults/config_json (may be null, as the chain passes for FX).</param>
/// <param name="Slot">0-based slot, <see cref="Realtime.CallMarker.SlotMaster"/> for the master chain.</param>
/// <param name="ReceiveChannel">What slot_recv_channel answers: −1 all channels, 0–15 one channel.</param>
/// <param name="GrantMailboxAccess">Fill host_api_v1_t.mapped_memory only when the user consented for this module.</param>
public sealed record PluginLoadRequest(
    string ModuleId,
    string LibraryPath,
    PluginKind Kind,
    string? ModuleDirectory = null,
    string? JsonDefaults = null,
    int Slot = 0,
    int ReceiveChannel = -1,
    bool GrantMailboxAccess = false);
