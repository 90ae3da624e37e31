using MoveEverything.Simulator.Headless;

namespace MoveEverything.Simulator.Tests.Headless;

/// <summary>`--slot N=ID` resolves a module id to the DSP file the engine loads.</summary>
public sealed class HeadlessOptionsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mev-resolve-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Module(string relativeFolder, string id, string dsp)
    {
        var folder = Path.Combine(_root, relativeFolder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"),
            $$"""{"id":"{{id}}","name":"{{id}}","version":"1.0.0","api_version":2,"dsp":"{{dsp}}","capabilities":{"component_type":"sound_generator"} }""");
        var path = Path.Combine(folder, dsp);
        File.WriteAllBytes(path, [0x7F, (byte)'E', (byte)'L', (byte)'F']);
        return path;
    }

    [Fact]
    public void A_builtin_id_maps_to_its_builtin_path() =>
        Assert.Equal("builtin:synth", new HeadlessOptions { ModulesDir = _root }.ResolvePath("builtin-synth"));

    [Fact]
    public void A_folder_named_after_the_id_with_a_dsp_so_is_taken_as_is()
    {
        var path = Module("flat", "flat", "dsp.so");
        Assert.Equal(path, new HeadlessOptions { ModulesDir = _root }.ResolvePath("flat"));
    }

    [Fact]
    public void A_module_in_a_category_folder_resolves_to_the_dsp_its_manifest_names()
    {
        var path = Module(Path.Combine("sound_generators", "deep"), "deep", "engine.so");
        Assert.Equal(path, new HeadlessOptions { ModulesDir = _root }.ResolvePath("deep"));
    }

    [Fact]
    public void An_unknown_id_keeps_the_plain_path_so_the_engine_refuses_it_by_name()
    {
        Assert.Equal(Path.Combine(_root, "nothing", "dsp.so"), new HeadlessOptions { ModulesDir = _root }.ResolvePath("nothing"));
    }
}
