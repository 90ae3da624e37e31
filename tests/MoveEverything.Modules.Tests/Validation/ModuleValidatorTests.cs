using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Elf;
using MoveEverything.Modules.Tests.Elf;
using MoveEverything.Modules.Tests.Support;
using MoveEverything.Modules.Validation;
using R = MoveEverything.Modules.Compatibility.CompatibilityReason;

namespace MoveEverything.Modules.Tests.Validation;

/// <summary>End to end over real folders: module.json + a dsp.so compiled by cc, a foreign one, a text one.</summary>
public class ModuleValidatorTests(PluginLibraries libs) : IClassFixture<PluginLibraries>
{
    private const string Synth = """{"id":"vsynth","name":"V","version":"1.0.0","api_version":2,"component_type":"sound_generator","min_host_version":"0.9.0"}""";

    private static ValidationReport Validate(TempDir t) => ModuleValidator.ValidateDirectory(t.Root).Single();

    [Fact]
    public void A_module_with_a_library_for_this_cpu_would_load_and_reports_its_entry_points()
    {
        using var t = new TempDir();
        t.Write("module.json", Synth);
        File.Copy(libs.SharedLibrary, t.PathOf("dsp.so"));
        var r = Validate(t);
        Assert.True(r.WouldLoad, r.Verdict.Summary);
        Assert.Empty(r.Schema!);
        Assert.Equal(HostIdentity.Current.Cpu, r.Native!.Elf!.Info!.Cpu);
        Assert.True(r.Native.Elf.Info.Exports(PluginEntryPoints.PluginV2));
    }

    [Fact]
    public void A_library_for_another_cpu_is_refused()
    {
        using var t = new TempDir();
        t.Write("module.json", Synth);
        var foreign = HostIdentity.Current.Cpu == CpuArchitecture.Arm64 ? (ushort)62 : (ushort)183;
        File.WriteAllBytes(t.PathOf("dsp.so"), ElfReaderTests.CraftedHeader(foreign));
        var r = Validate(t);
        Assert.False(r.WouldLoad);
        Assert.True(r.Verdict.Has(R.NoBuildForThisCpu));
    }

    [Fact]
    public void A_text_file_named_dsp_so_is_refused()
    {
        using var t = new TempDir();
        t.Write("module.json", Synth);
        t.Write("dsp.so", "#!/bin/sh\necho hi\n");
        Assert.True(Validate(t).Verdict.Has(R.DspNotLoadable));
    }

    [Fact]
    public void A_chain_module_without_any_library_is_refused_but_a_js_only_tool_loads()
    {
        using var t = new TempDir();
        t.Write("synth/module.json", Synth);
        t.Write("tool/module.json", """{"id":"t","name":"T","version":"1.0.0","api_version":2,"component_type":"tool","min_host_version":"0.9.0"}""");
        var reports = ModuleValidator.ValidateDirectory(t.Root);
        Assert.Equal(["vsynth", "t"], reports.Select(r => r.Manifest!.Id));
        Assert.True(reports[0].Verdict.Has(R.DspMissing));
        Assert.True(reports[1].WouldLoad);
        Assert.Null(reports[1].Native);
    }

    [Fact]
    public void Manifest_only_skips_the_library()
    {
        using var t = new TempDir();
        t.Write("module.json", Synth);
        var r = ModuleValidator.ValidateDirectory(t.Root, new ValidationOptions { ManifestOnly = true }).Single();
        Assert.True(r.WouldLoad);
        Assert.Null(r.Native);
    }

    [Fact]
    public void Not_json_is_refused_without_a_schema_check()
    {
        using var t = new TempDir();
        t.Write("module.json", "{ oops");
        var r = Validate(t);
        Assert.False(r.WouldLoad);
        Assert.Null(r.Schema);
        Assert.Null(r.Capabilities);
    }
}
