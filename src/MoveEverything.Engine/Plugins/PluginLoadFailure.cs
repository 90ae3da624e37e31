namespace MoveEverything.Engine.Plugins;

/// <summary>
/// A typed, human-readable load failure naming the module and the reason. The loader returns it (never throws);
/// the engine logs <see cref="Reason"/>, reports it in the JSON status and keeps running the other slots.
/// </summary>
/// <param name="ModuleId">The module that failed.</param>
/// <param name="LibraryPath">The .so the loader tried.</param>
/// <param name="Kind">The failure class.</param>
/// <param name="Detail">dlerror text, symbol or slot name, get_error text; may be empty.</param>
/// <param name="Found">For <see cref="PluginLoadFailureKind.WrongStructVersion"/> the version found; for OnLoadFailed the code.</param>
/// <param name="Expected">For <see cref="PluginLoadFailureKind.WrongStructVersion"/> the version required.</param>
public sealed record PluginLoadFailure(
    string ModuleId, string LibraryPath, PluginLoadFailureKind Kind, string Detail = "", long Found = 0, long Expected = 0)
{
    /// <summary>One sentence for the log, the display and the JSON status.</summary>
    public string Reason => $"{ModuleId}: {Describe()} ({LibraryPath})";

    private string Describe() => Kind switch
    {
        PluginLoadFailureKind.FileMissing => "the DSP library is missing",
        PluginLoadFailureKind.NotLoadable => $"the DSP library cannot be loaded: {Detail}",
        PluginLoadFailureKind.EntryPointMissing => $"the DSP library exports none of {Detail}",
        PluginLoadFailureKind.InitReturnedNull => $"{Detail} returned NULL",
        PluginLoadFailureKind.WrongStructVersion => $"{Detail} returned a struct with api_version {Found}, expected {Expected}",
        PluginLoadFailureKind.RequiredSlotMissing => $"the plugin's {Detail} function is NULL",
        PluginLoadFailureKind.CreateInstanceReturnedNull =>
            Detail.Length == 0 ? "create_instance returned NULL" : $"create_instance returned NULL: {Detail}",
        PluginLoadFailureKind.OnLoadFailed =>
            Detail.Length == 0 ? $"on_load failed with code {Found}" : $"on_load failed with code {Found}: {Detail}",
        PluginLoadFailureKind.SingletonInUse => "this v1 (singleton) plugin is already running in another slot",
        _ => Kind.ToString(),
    };

    public override string ToString() => Reason;
}
