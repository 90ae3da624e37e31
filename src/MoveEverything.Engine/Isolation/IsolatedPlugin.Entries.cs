using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;

namespace MoveEverything.Engine.Isolation;

/// <summary>
/// The ABI entry points the adapter's plugin_api_v2_t / audio_fx_api_v2_t point at. The instance pointer is a
/// GCHandle to the <see cref="IsolatedPlugin"/>; resolving it allocates nothing.
/// </summary>
public sealed unsafe partial class IsolatedPlugin
{
    private static IsolatedPlugin From(void* instance) => Unsafe.As<IsolatedPlugin>(GCHandle.FromIntPtr((nint)instance).Target!);

    [UnmanagedCallersOnly] private static void RenderEntry(void* instance, short* output, int frames) => From(instance).Exchange(output, null);
    [UnmanagedCallersOnly] private static void ProcessEntry(void* instance, short* inOut, int frames) => From(instance).Exchange(inOut, inOut);
    [UnmanagedCallersOnly] private static void MidiEntry(void* instance, byte* message, int length, int source) => From(instance).OnMidi(message, length);
    [UnmanagedCallersOnly] private static void SetParamEntry(void* instance, byte* key, byte* value) => From(instance).SetParam(key, value);
    /// <summary>
    /// On the block thread get_param would need a synchronous round trip, so the adapter answers none; the engine routes
    /// get_param of an isolated module to its control thread instead (<see cref="QueryParam"/>, docs/CONTAINMENT.md).
    /// </summary>
    [UnmanagedCallersOnly] private static int GetParamEntry(void* instance, byte* key, byte* buffer, int length) => -1;
    [UnmanagedCallersOnly] private static int GetErrorEntry(void* instance, byte* buffer, int length) => 0;
    /// <summary>destroy_instance: the loader's Unload path reaches the host, which stops the worker.</summary>
    [UnmanagedCallersOnly] private static void DestroyEntry(void* instance) => From(instance).Destroyed?.Invoke(From(instance));

    /// <summary>Set by the host: called from destroy_instance (control thread).</summary>
    internal Action<IsolatedPlugin>? Destroyed { get; set; }

    /// <summary>A native ABI struct for the adapter (freed by <see cref="FreeApi"/>).</summary>
    internal static void* CreateApi(bool audioFx)
    {
        if (audioFx)
        {
            var fx = (AudioFxApiV2*)NativeMemory.AllocZeroed((nuint)sizeof(AudioFxApiV2));
            fx->ApiVersion = AbiConstants.AudioFxApiVersion2;
            fx->DestroyInstance = &DestroyEntry;
            fx->ProcessBlock = &ProcessEntry;
            fx->SetParam = &SetParamEntry;
            fx->GetParam = &GetParamEntry;
            fx->OnMidi = &MidiEntry;
            return fx;
        }
        var api = (PluginApiV2*)NativeMemory.AllocZeroed((nuint)sizeof(PluginApiV2));
        api->ApiVersion = AbiConstants.PluginApiVersion2;
        api->DestroyInstance = &DestroyEntry;
        api->OnMidi = &MidiEntry;
        api->SetParam = &SetParamEntry;
        api->GetParam = &GetParamEntry;
        api->GetError = &GetErrorEntry;
        api->RenderBlock = &RenderEntry;
        return api;
    }

    internal static void FreeApi(void* api) => NativeMemory.Free(api);
}
