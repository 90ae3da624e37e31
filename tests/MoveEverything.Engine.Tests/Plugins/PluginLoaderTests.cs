using System.Text.Json;
using MoveEverything.Engine.Plugins;
using MoveEverything.Engine.Realtime;
using MoveEverything.Engine.Tests.Support;

namespace MoveEverything.Engine.Tests.Plugins;

public unsafe class PluginLoaderTests
{
    [Fact]
    public void A_v2_synth_loads_as_SynthV2_and_answers_structural_json_params()
    {
        using var host = new DspTestHost();
        var synth = host.Synth();
        Assert.Equal(PluginAbiFlavor.SynthV2, synth.Flavor);
        using var chainParams = JsonDocument.Parse(GetParam(synth, "chain_params"));
        Assert.Contains(chainParams.RootElement.EnumerateArray(), p => p.GetProperty("key").GetString() == "cutoff");
        using var hierarchy = JsonDocument.Parse(GetParam(synth, "ui_hierarchy"));
        Assert.True(hierarchy.RootElement.GetProperty("levels").TryGetProperty("root", out _));
    }

    [Fact]
    public void A_v1_only_synth_loads_through_the_fallback_and_its_singleton_refuses_a_second_slot()
    {
        using var host = new DspTestHost();
        var legacy = host.LegacySynth();
        Assert.Equal(PluginAbiFlavor.SynthV1, legacy.Flavor);
        var second = host.LoadFailure("mev-legacy-synth", NativeArtifacts.Plugin("mev_legacy_synth"));
        Assert.Equal(PluginLoadFailureKind.SingletonInUse, second.Kind);
        host.Loader.Unload(legacy);
        var again = host.Loader.Load(new PluginLoadRequest("mev-legacy-synth", NativeArtifacts.Plugin("mev_legacy_synth"), PluginKind.SoundGenerator));
        Assert.True(again.Succeeded, again.Failure?.Reason);
        host.Loader.Unload(again.Plugin);
    }

    [Fact]
    public void A_wrong_struct_version_names_the_module_the_version_found_and_the_one_expected()
    {
        using var host = new DspTestHost();
        var failure = host.LoadFailure("bad-version", NativeArtifacts.Faulty("wrong_version"));
        Assert.Equal(PluginLoadFailureKind.WrongStructVersion, failure.Kind);
        Assert.Equal(7, failure.Found);
        Assert.Equal(2, failure.Expected);
        Assert.StartsWith("bad-version: ", failure.Reason);
        Assert.Contains("api_version 7, expected 2", failure.Reason);
        Assert.Equal(0, host.Loader.OpenLibraryCount); // the library was closed again
    }

    [Fact]
    public void A_library_without_any_entry_point_is_EntryPointMissing()
    {
        using var host = new DspTestHost();
        var failure = host.LoadFailure("no-symbol", NativeArtifacts.Faulty("missing_symbol"));
        Assert.Equal(PluginLoadFailureKind.EntryPointMissing, failure.Kind);
        Assert.Contains("move_plugin_init_v2", failure.Reason);
    }

    [Fact]
    public void A_synth_loaded_as_an_audio_fx_lacks_the_audio_fx_entry_point()
    {
        using var host = new DspTestHost();
        var failure = host.LoadFailure("mev-synth", NativeArtifacts.Plugin("mev_synth"), PluginKind.AudioFx);
        Assert.Equal(PluginLoadFailureKind.EntryPointMissing, failure.Kind);
        Assert.Contains("move_audio_fx_init_v2", failure.Reason);
    }

    [Fact]
    public void Create_instance_returning_null_is_a_typed_failure()
    {
        using var host = new DspTestHost();
        var failure = host.LoadFailure("null-create", NativeArtifacts.Faulty("null_create"));
        Assert.Equal(PluginLoadFailureKind.CreateInstanceReturnedNull, failure.Kind);
        Assert.Contains("create_instance returned NULL", failure.Reason);
    }

    [Fact]
    public void A_file_that_is_not_an_ELF_library_is_NotLoadable_with_the_dynamic_linker_reason()
    {
        using var host = new DspTestHost();
        string path = Path.Combine(Path.GetTempPath(), $"mev-not-elf-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, "this is a text file pretending to be dsp.so\n");
        try
        {
            var failure = host.LoadFailure("fake", path);
            Assert.Equal(PluginLoadFailureKind.NotLoadable, failure.Kind);
            Assert.False(string.IsNullOrWhiteSpace(failure.Detail));
            Assert.Contains(path, failure.Detail); // dlerror names the file and says why ("invalid ELF header" etc.)
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_missing_file_is_FileMissing()
    {
        using var host = new DspTestHost();
        var failure = host.LoadFailure("ghost", "/nonexistent/modules/ghost/dsp.so");
        Assert.Equal(PluginLoadFailureKind.FileMissing, failure.Kind);
        Assert.Equal("ghost: the DSP library is missing (/nonexistent/modules/ghost/dsp.so)", failure.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bad\0path.so")]
    public void A_malformed_path_is_a_typed_failure_not_an_exception(string path)
    {
        using var host = new DspTestHost();
        Assert.Equal(PluginLoadFailureKind.FileMissing, host.LoadFailure("odd", path).Kind);
    }

    [Fact]
    public void A_directory_is_not_a_library()
    {
        using var host = new DspTestHost();
        Assert.Equal(PluginLoadFailureKind.FileMissing, host.LoadFailure("dir", NativeArtifacts.Directory).Kind);
    }

    [Fact]
    public void Two_instances_share_one_open_library_which_closes_after_the_last_unload()
    {
        using var host = new DspTestHost();
        var a = host.Loader.Load(new PluginLoadRequest("mev-synth", NativeArtifacts.Plugin("mev_synth"), PluginKind.SoundGenerator, Slot: 0)).Plugin!;
        var b = host.Loader.Load(new PluginLoadRequest("mev-synth", NativeArtifacts.Plugin("mev_synth"), PluginKind.SoundGenerator, Slot: 1)).Plugin!;
        Assert.Equal(1, host.Loader.OpenLibraryCount);
        host.Loader.Unload(a);
        Assert.Equal(1, host.Loader.OpenLibraryCount);
        host.Loader.Unload(b);
        host.Loader.Unload(b); // idempotent
        Assert.Equal(0, host.Loader.OpenLibraryCount);
    }

    [Fact]
    public void A_plugin_log_line_during_create_instance_is_attributed_through_the_loader_call_marker()
    {
        using var host = new DspTestHost();
        host.Synth(slot: 2);
        Assert.True(host.Services.LoaderLog.TryRead(out var record));
        Assert.Equal("mev-synth: instance created", record.MessageText());
        Assert.Equal("mev-synth", record.ModuleIdText());
        Assert.Equal(CallPhase.Init, record.Phase);
        Assert.Equal(2, record.Slot);
        Assert.False(host.Services.BlockLog.TryRead(out _)); // loads never log into the block thread's ring
        var marker = host.Services.LoaderMarker.Marker;
        Assert.Equal(0, marker->InCall);
        Assert.Equal(0, marker->Sequence % 2);
    }

    private static string GetParam(NativePlugin plugin, string key)
    {
        byte[] keyBytes = System.Text.Encoding.UTF8.GetBytes(key + "\0");
        var buffer = new byte[65536];
        fixed (byte* k = keyBytes)
        fixed (byte* b = buffer)
        {
            int length = plugin.GetParam(k, b, buffer.Length);
            Assert.True(length > 0, $"get_param({key}) answered {length}");
            return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        }
    }
}
