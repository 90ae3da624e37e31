using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;

namespace MoveEverything.Engine.Tests.Support;

/// <summary>
/// HostServices + PluginLoader with the calling test thread bound as the block thread; loads our plugins by name
/// and unloads whatever is left at the end.
/// </summary>
public sealed class DspTestHost : IDisposable
{
    private readonly List<NativePlugin> _loaded = [];

    public DspTestHost(DspOptions? options = null)
    {
        Options = options ?? new DspOptions();
        Services = new HostServices(Options);
        Services.BindBlockThread();
        Loader = new PluginLoader(Services);
    }

    public DspOptions Options { get; }
    public HostServices Services { get; }
    public PluginLoader Loader { get; }

    public NativePlugin Synth(int slot = 0) => Load("mev-synth", "mev_synth", PluginKind.SoundGenerator, slot);
    public NativePlugin LegacySynth(int slot = 0) => Load("mev-legacy-synth", "mev_legacy_synth", PluginKind.SoundGenerator, slot);
    public NativePlugin Delay(int slot = 0) => Load("mev-delay", "mev_delay", PluginKind.AudioFx, slot);
    public NativePlugin Arp(int slot = 0) => Load("mev-arp", "mev_arp", PluginKind.MidiFx, slot);
    public NativePlugin Noise(int slot = 0) => Load("mev-noise", "mev_noise", PluginKind.SoundGenerator, slot);

    public NativePlugin Load(string moduleId, string library, PluginKind kind, int slot = 0, string? path = null)
    {
        var result = Loader.Load(new PluginLoadRequest(moduleId, path ?? NativeArtifacts.Plugin(library), kind, Slot: slot));
        Assert.True(result.Succeeded, result.Failure?.Reason);
        _loaded.Add(result.Plugin);
        return result.Plugin;
    }

    public PluginLoadFailure LoadFailure(string moduleId, string path, PluginKind kind = PluginKind.SoundGenerator)
    {
        var result = Loader.Load(new PluginLoadRequest(moduleId, path, kind));
        Assert.False(result.Succeeded, $"{moduleId} loaded although it should fail");
        return result.Failure;
    }

    public void Dispose()
    {
        foreach (var plugin in _loaded) Loader.Unload(plugin);
        Loader.Dispose();
        Services.Dispose();
    }
}
