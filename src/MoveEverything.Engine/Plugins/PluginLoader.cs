using System.Runtime.InteropServices;
using MoveEverything.Engine.Abi;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Plugins;

/// <summary>
/// Loads and unloads native plugins, never on the realtime thread: one loader thread owns an instance (it is not
/// thread-safe). <see cref="Load"/> never throws for anything the plugin file or its code returns: it answers a
/// typed <see cref="PluginLoadFailure"/> naming the module and the reason (a crash inside init still kills the
/// process; the call marker then blames the module). Every call into the plugin is preceded by a write of the
/// loader thread's <see cref="CallMarker"/> (phase Load / Init / Unload).
///
/// A library opened twice (two slots, same module) is opened once and reference-counted. Its host_api_v1_t blocks
/// stay allocated until the library is closed, because a plugin may keep the pointer its init function got.
/// </summary>
public sealed unsafe partial class PluginLoader : IDisposable
{
    private readonly HostServices _services;
    private readonly DspOptions _options;
    private readonly Dictionary<string, LoadedLibrary> _libraries = new(StringComparer.Ordinal);

    public PluginLoader(HostServices services)
    {
        _services = services;
        _options = services.Options;
    }

    /// <summary>Libraries currently open (for status and tests).</summary>
    public int OpenLibraryCount => _libraries.Count;

    /// <summary>Loads one plugin instance. Loader thread.</summary>
    public PluginLoadResult Load(PluginLoadRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.LibraryPath) || request.LibraryPath.Contains('\0'))
            return PluginLoadResult.Failed(new PluginLoadFailure(request.ModuleId, request.LibraryPath ?? "", PluginLoadFailureKind.FileMissing));
        string path = Path.GetFullPath(request.LibraryPath);
        if (!File.Exists(path)) return Fail(request, PluginLoadFailureKind.FileMissing);
        using var scope = _services.EnterLoaderScope();
        if (!_libraries.TryGetValue(path, out var library))
        {
            nint handle = DynamicLinker.Open(path, out string? error);
            if (handle == 0) return Fail(request, PluginLoadFailureKind.NotLoadable, error ?? "");
            library = new LoadedLibrary(path, handle);
            _libraries.Add(path, library);
        }
        library.References++;
        var host = new HostApiBlock(_services, request.Slot, request.ReceiveChannel, request.GrantMailboxAccess);
        library.HostBlocks.Add(host);
        var result = request.Kind switch
        {
            PluginKind.SoundGenerator => LoadSoundGenerator(request, library, host),
            PluginKind.AudioFx => LoadAudioFx(request, library, host),
            _ => LoadMidiFx(request, library, host),
        };
        if (!result.Succeeded) Release(library);
        return result;
    }

    /// <summary>
    /// Destroys the instance (destroy_instance / on_unload) and closes the library when no other instance uses it.
    /// Loader thread, and only after the block thread has let go of the plugin (a retired chain). Idempotent.
    /// </summary>
    public void Unload(NativePlugin plugin)
    {
        if (plugin.IsUnloaded) return;
        using var scope = _services.EnterLoaderScope();
        var marker = _services.LoaderMarker;
        marker.Enter(plugin.IdUtf8, plugin.IdLength, plugin.Slot, ChainPosition.None, CallPhase.Unload);
        switch (plugin.Flavor)
        {
            case PluginAbiFlavor.SynthV2:
                var v2 = (PluginApiV2*)plugin.Api;
                if (v2->DestroyInstance != null) v2->DestroyInstance(plugin.Instance);
                break;
            case PluginAbiFlavor.SynthV1:
                var v1 = (PluginApiV1*)plugin.Api;
                if (v1->OnUnload != null) v1->OnUnload();
                break;
            case PluginAbiFlavor.AudioFxV2:
                var fx = (AudioFxApiV2*)plugin.Api;
                if (fx->DestroyInstance != null) fx->DestroyInstance(plugin.Instance);
                break;
            case PluginAbiFlavor.MidiFxV1:
                var midi = (MidiFxApiV1*)plugin.Api;
                if (midi->DestroyInstance != null) midi->DestroyInstance(plugin.Instance);
                break;
        }
        marker.Exit();
        plugin.IsUnloaded = true;
        plugin.FreeId();
        if (_libraries.TryGetValue(plugin.LibraryPath, out var library))
        {
            if (plugin.Flavor == PluginAbiFlavor.SynthV1) library.SingletonInUse = false;
            Release(library);
        }
    }

    private void Release(LoadedLibrary library)
    {
        if (--library.References > 0) return;
        DynamicLinker.Close(library.Handle);
        foreach (var block in library.HostBlocks) block.Dispose();
        _libraries.Remove(library.Path);
    }

    /// <summary>Closes every library still open (plugins not unloaded first are abandoned). Loader thread, at shutdown.</summary>
    public void Dispose()
    {
        foreach (var library in _libraries.Values.ToArray())
        {
            library.References = 1;
            Release(library);
        }
    }

    private static PluginLoadResult Fail(PluginLoadRequest request, PluginLoadFailureKind kind, string detail = "",
        long found = 0, long expected = 0) =>
        PluginLoadResult.Failed(new PluginLoadFailure(request.ModuleId, Path.GetFullPath(request.LibraryPath), kind, detail, found, expected));

    private sealed class LoadedLibrary(string path, nint handle)
    {
        public string Path { get; } = path;
        public nint Handle { get; } = handle;
        public int References;
        public bool SingletonInUse;
        public List<HostApiBlock> HostBlocks { get; } = [];
    }

    /// <summary>NUL-terminated UTF-8 copy in native memory (freed by the caller); null stays null.</summary>
    private static byte* ToNativeUtf8(string? text) => text is null ? null : (byte*)Marshal.StringToCoTaskMemUTF8(text);

    private static void FreeNative(byte* text)
    {
        if (text is not null) Marshal.FreeCoTaskMem((nint)text);
    }
}
