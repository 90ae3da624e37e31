using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Plugins;

/// <summary>The per-kind load sequences: resolve entry point → init → struct version → required slots → instance.</summary>
public sealed unsafe partial class PluginLoader
{
    private PluginLoadResult LoadSoundGenerator(PluginLoadRequest request, LoadedLibrary library, HostApiBlock host)
    {
        nint initV2 = DynamicLinker.Symbol(library.Handle, EntryPoints.PluginInitV2);
        if (initV2 != 0)
        {
            var api = (PluginApiV2*)CallInit(request, initV2, host);
            if (api is null) return Fail(request, PluginLoadFailureKind.InitReturnedNull, EntryPoints.PluginInitV2);
            if (api->ApiVersion != AbiConstants.PluginApiVersion2)
                return Fail(request, PluginLoadFailureKind.WrongStructVersion, EntryPoints.PluginInitV2, api->ApiVersion, AbiConstants.PluginApiVersion2);
            if (api->CreateInstance == null) return Fail(request, PluginLoadFailureKind.RequiredSlotMissing, "create_instance");
            if (api->RenderBlock == null) return Fail(request, PluginLoadFailureKind.RequiredSlotMissing, "render_block");
            void* instance = CreateInstance(request, api->CreateInstance);
            if (instance is null)
                return Fail(request, PluginLoadFailureKind.CreateInstanceReturnedNull);
            return Loaded(request, PluginAbiFlavor.SynthV2, api, instance, null, host);
        }

        nint initV1 = DynamicLinker.Symbol(library.Handle, EntryPoints.PluginInitV1);
        if (initV1 == 0)
            return Fail(request, PluginLoadFailureKind.EntryPointMissing, $"{EntryPoints.PluginInitV2}, {EntryPoints.PluginInitV1}");
        if (library.SingletonInUse) return Fail(request, PluginLoadFailureKind.SingletonInUse);
        var v1 = (PluginApiV1*)CallInit(request, initV1, host);
        if (v1 is null) return Fail(request, PluginLoadFailureKind.InitReturnedNull, EntryPoints.PluginInitV1);
        if (v1->ApiVersion != AbiConstants.PluginApiVersion)
            return Fail(request, PluginLoadFailureKind.WrongStructVersion, EntryPoints.PluginInitV1, v1->ApiVersion, AbiConstants.PluginApiVersion);
        if (v1->RenderBlock == null) return Fail(request, PluginLoadFailureKind.RequiredSlotMissing, "render_block");
        if (v1->OnLoad != null)
        {
            int code = OnLoad(request, v1->OnLoad);
            if (code != 0) return Fail(request, PluginLoadFailureKind.OnLoadFailed, ErrorText(v1), code);
        }
        library.SingletonInUse = true;
        return Loaded(request, PluginAbiFlavor.SynthV1, v1, null, null, host);
    }

    private PluginLoadResult LoadAudioFx(PluginLoadRequest request, LoadedLibrary library, HostApiBlock host)
    {
        nint init = DynamicLinker.Symbol(library.Handle, EntryPoints.AudioFxInitV2);
        if (init == 0) return Fail(request, PluginLoadFailureKind.EntryPointMissing, EntryPoints.AudioFxInitV2);
        var api = (AudioFxApiV2*)CallInit(request, init, host);
        if (api is null) return Fail(request, PluginLoadFailureKind.InitReturnedNull, EntryPoints.AudioFxInitV2);
        if (api->ApiVersion != AbiConstants.AudioFxApiVersion2)
            return Fail(request, PluginLoadFailureKind.WrongStructVersion, EntryPoints.AudioFxInitV2, api->ApiVersion, AbiConstants.AudioFxApiVersion2);
        if (api->CreateInstance == null) return Fail(request, PluginLoadFailureKind.RequiredSlotMissing, "create_instance");
        if (api->ProcessBlock == null) return Fail(request, PluginLoadFailureKind.RequiredSlotMissing, "process_block");
        void* instance = CreateInstance(request, api->CreateInstance);
        if (instance is null) return Fail(request, PluginLoadFailureKind.CreateInstanceReturnedNull);
        var onMidi = (delegate* unmanaged<void*, byte*, int, int, void>)DynamicLinker.Symbol(library.Handle, EntryPoints.AudioFxOnMidi);
        return Loaded(request, PluginAbiFlavor.AudioFxV2, api, instance, onMidi, host);
    }

    private PluginLoadResult LoadMidiFx(PluginLoadRequest request, LoadedLibrary library, HostApiBlock host)
    {
        nint init = DynamicLinker.Symbol(library.Handle, EntryPoints.MidiFxInit);
        if (init == 0) return Fail(request, PluginLoadFailureKind.EntryPointMissing, EntryPoints.MidiFxInit);
        var api = (MidiFxApiV1*)CallInit(request, init, host);
        if (api is null) return Fail(request, PluginLoadFailureKind.InitReturnedNull, EntryPoints.MidiFxInit);
        if (api->ApiVersion != AbiConstants.MidiFxApiVersion)
            return Fail(request, PluginLoadFailureKind.WrongStructVersion, EntryPoints.MidiFxInit, api->ApiVersion, AbiConstants.MidiFxApiVersion);
        if (api->CreateInstance == null) return Fail(request, PluginLoadFailureKind.RequiredSlotMissing, "create_instance");
        void* instance = CreateInstance(request, api->CreateInstance);
        if (instance is null) return Fail(request, PluginLoadFailureKind.CreateInstanceReturnedNull);
        return Loaded(request, PluginAbiFlavor.MidiFxV1, api, instance, null, host);
    }

    private PluginLoadResult Loaded(PluginLoadRequest request, PluginAbiFlavor flavor, void* api, void* instance,
        delegate* unmanaged<void*, byte*, int, int, void> fxOnMidi, HostApiBlock host) =>
        PluginLoadResult.Loaded(new NativePlugin(request, flavor, api, instance, fxOnMidi, host, _options));

    private void* CallInit(PluginLoadRequest request, nint init, HostApiBlock host)
    {
        using var id = new MarkerId(request.ModuleId);
        _services.LoaderMarker.Enter(id.Bytes, id.Length, request.Slot, ChainPosition.None, CallPhase.Load);
        void* api = ((delegate* unmanaged<HostApiV1*, void*>)init)(host.Pointer);
        _services.LoaderMarker.Exit();
        return api;
    }

    private void* CreateInstance(PluginLoadRequest request, delegate* unmanaged<byte*, byte*, void*> create)
    {
        using var id = new MarkerId(request.ModuleId);
        byte* dir = ToNativeUtf8(ModuleDirectory(request));
        byte* json = ToNativeUtf8(request.JsonDefaults);
        _services.LoaderMarker.Enter(id.Bytes, id.Length, request.Slot, ChainPosition.None, CallPhase.Init);
        void* instance = create(dir, json);
        _services.LoaderMarker.Exit();
        FreeNative(dir);
        FreeNative(json);
        return instance;
    }

    private int OnLoad(PluginLoadRequest request, delegate* unmanaged<byte*, byte*, int> onLoad)
    {
        using var id = new MarkerId(request.ModuleId);
        byte* dir = ToNativeUtf8(ModuleDirectory(request));
        byte* json = ToNativeUtf8(request.JsonDefaults);
        _services.LoaderMarker.Enter(id.Bytes, id.Length, request.Slot, ChainPosition.None, CallPhase.Init);
        int code = onLoad(dir, json);
        _services.LoaderMarker.Exit();
        FreeNative(dir);
        FreeNative(json);
        return code;
    }

    private static string ModuleDirectory(PluginLoadRequest request) =>
        request.ModuleDirectory ?? Path.GetDirectoryName(Path.GetFullPath(request.LibraryPath)) ?? ".";

    private static string ErrorText(PluginApiV1* api)
    {
        if (api->GetError == null) return "";
        const int capacity = 256;
        byte* buffer = stackalloc byte[capacity];
        int result = api->GetError(buffer, capacity);
        if (result == 0) return "";
        int length = 0;
        while (length < capacity && buffer[length] != 0) length++;
        return System.Text.Encoding.UTF8.GetString(buffer, length);
    }

    /// <summary>A module id as UTF-8 in native memory for the marker, freed on dispose.</summary>
    private readonly struct MarkerId : IDisposable
    {
        public MarkerId(string id)
        {
            Bytes = ToNativeUtf8(id);
            Length = System.Text.Encoding.UTF8.GetByteCount(id);
        }

        public byte* Bytes { get; }
        public int Length { get; }
        public void Dispose() => FreeNative(Bytes);
    }
}
