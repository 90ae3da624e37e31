using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Elf;
using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Versioning;
using R = MoveEverything.Modules.Compatibility.CompatibilityReason;

namespace MoveEverything.Modules.Tests.Compatibility;

/// <summary>One test (at least) per rule of docs/COMPATIBILITY.md; rule ids in the test names.</summary>
public class CompatibilityCheckerTests
{
    private static readonly HostIdentity Host = new(DottedVersion.Parse("1.0.0"), 1, CpuArchitecture.Arm64);
    private static readonly CompatibilityPolicy Policy = CompatibilityPolicy.Current;

    private static ManifestParseResult M(string fields, string type = "tool") =>
        ManifestParser.ParseText($$"""{"id":"m","name":"M","version":"1.0.0","component_type":"{{type}}"{{fields}}}""");

    private static CompatibilityVerdict Eval(ManifestParseResult p, NativeLibraryProbe? native = null, HostIdentity? host = null, CompatibilityPolicy? policy = null) =>
        CompatibilityChecker.Evaluate(p, native, host ?? Host, policy ?? Policy);

    private static NativeLibraryProbe Dsp(CpuArchitecture cpu, params string[] exports) =>
        new("/m/dsp.so", true, true, ElfReadResult.Success(new ElfInfo(cpu == CpuArchitecture.Arm64 ? (ushort)183 : (ushort)62, cpu, exports)));

    private static HostIdentity HostAt(string version) => Host with { Version = DottedVersion.Parse(version) };

    [Fact]
    public void Current_host_identity_is_defined_in_one_place_and_parses()
    {
        Assert.Equal(HostIdentity.CurrentVersionText, HostIdentity.Current.Version!.Text);
        Assert.Equal(HostIdentity.CurrentHostApiVersion, HostIdentity.Current.HostApiVersion);
        Assert.Contains(Policy.ReleaseLines, l => l.Major == HostIdentity.Current.Version.Major && l.Minor == HostIdentity.Current.Version.Minor);
    }

    [Fact]
    public void A_plain_valid_module_is_compatible()
    {
        var v = Eval(M(""","api_version":2,"min_host_version":"0.9.0" """));
        Assert.True(v.MayLoad);
        Assert.Empty(v.Findings);
        Assert.Equal("compatible", v.Summary);
    }

    [Fact]
    public void M1_manifest_errors_refuse()
    {
        Assert.True(Eval(ManifestParser.ParseText("{ not json")).Has(R.InvalidManifest));
        Assert.True(Eval(ManifestParser.ParseText("""{"name":"x"}""")).Has(R.InvalidManifest));
        Assert.False(Eval(M(""","api_version":"2" """)).MayLoad);
        Assert.True(Eval(M(""","dsp":"../x.so" """)).Has(R.InvalidManifest));
    }

    [Fact]
    public void M1_a_malformed_host_version_is_refused_as_malformed_version()
    {
        var v = Eval(M(""","api_version":2,"min_host_version":"1.x" """));
        Assert.False(v.MayLoad);
        Assert.True(v.Has(R.MalformedVersion));
    }

    [Fact]
    public void C1_an_unknown_capability_name_is_refused()
    {
        var v = Eval(M(""","api_version":2,"unsafe_capabilities":["netwrok"]"""));
        var f = Assert.Single(v.Refusals);
        Assert.Equal(R.UnknownCapability, f.Reason);
        Assert.Contains("did you mean \"network\"", f.Message);
    }

    [Fact]
    public void H1_a_module_needing_a_newer_host_is_refused_with_both_versions()
    {
        var v = Eval(M(""","api_version":2,"min_host_version":"1.2.1" """));
        var f = Assert.Single(v.Refusals);
        Assert.Equal(R.NeedsNewerHost, f.Reason);
        Assert.Contains("1.2.1", f.Message);
        Assert.Contains("1.0.0", f.Message);
        Assert.Equal("needs-newer-host", f.Code);
    }

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("0.9.18")]
    [InlineData("1.0.0-rc.1")]
    public void H1_a_module_whose_minimum_is_met_loads(string min) =>
        Assert.True(Eval(M($$""","api_version":2,"min_host_version":"{{min}}" """)).MayLoad);

    [Fact]
    public void H1_a_prerelease_host_does_not_satisfy_the_release_it_precedes()
    {
        var v = Eval(M(""","api_version":2,"min_host_version":"1.0.0" """), host: HostAt("1.0.0-beta.2"));
        Assert.True(v.Has(R.NeedsNewerHost));
    }

    [Fact]
    public void H2_no_min_host_version_is_a_note_and_loads()
    {
        var v = Eval(M(""","api_version":2"""));
        Assert.True(v.MayLoad);
        Assert.Equal(FindingSeverity.Note, Assert.Single(v.Findings, f => f.Reason == R.NoMinHostVersion).Severity);
    }

    [Fact]
    public void H3_unknown_host_version_refuses_modules_that_declare_a_host_requirement()
    {
        var unknown = Host with { Version = null };
        Assert.True(Eval(M(""","api_version":2,"min_host_version":"0.1.0" """), host: unknown).Has(R.UnknownHostVersion));
        Assert.False(Eval(M(""","api_version":2,"max_tested_host_version":"0.9.0" """), host: unknown).MayLoad);
        Assert.True(Eval(M(""","api_version":2"""), host: unknown).MayLoad);
    }

    [Fact]
    public void H4_newer_than_tested_but_inside_the_window_is_a_note()
    {
        var v = Eval(M(""","api_version":2,"min_host_version":"0.8.0","max_tested_host_version":"0.8.4" """));
        Assert.True(v.MayLoad);
        Assert.True(v.Has(R.NewerThanTested));
        Assert.False(v.Has(R.TestedOnlyOnOldHost));
    }

    [Fact]
    public void H4_tested_only_before_the_window_is_a_warning()
    {
        var v = Eval(M(""","api_version":2,"min_host_version":"0.5.0","max_tested_host_version":"0.7.9" """));
        Assert.True(v.MayLoad);
        Assert.Equal(FindingSeverity.Warning, Assert.Single(v.Findings, f => f.Reason == R.TestedOnlyOnOldHost).Severity);
    }

    [Theory]
    [InlineData("1.0.0", "0.8")]
    [InlineData("1.0.7", "0.8")]
    [InlineData("0.9.3", "0.7")]
    [InlineData("0.7.0", "0.7")]
    [InlineData("1.4.0", "0.8")]
    public void W1_the_window_is_the_last_three_minor_lines_up_to_the_host(string host, string oldest) =>
        Assert.Equal(DottedVersion.Parse(oldest), Policy.OldestSupportedLine(DottedVersion.Parse(host)));

    [Theory]
    [InlineData(0, R.AbiUnknown)]
    [InlineData(-1, R.AbiUnknown)]
    [InlineData(3, R.AbiTooNew)]
    [InlineData(99, R.AbiTooNew)]
    public void A1_an_api_version_outside_the_known_abis_is_refused(int abi, R reason)
    {
        var v = Eval(M($$""","api_version":{{abi}}"""));
        Assert.False(v.MayLoad);
        Assert.True(v.Has(reason));
    }

    [Fact]
    public void A1_absent_api_version_means_abi_1_and_loads() =>
        Assert.True(Eval(M("")).MayLoad);

    [Fact]
    public void A2_declared_abi_differing_from_the_exported_one_is_a_warning()
    {
        var v = Eval(M(""","api_version":1,"dsp":"dsp.so" """, "audio_fx"), Dsp(CpuArchitecture.Arm64, PluginEntryPoints.AudioFxV2));
        Assert.True(v.MayLoad);
        Assert.True(v.Has(R.AbiMismatch));
    }

    [Fact]
    public void A3_a_deprecated_abi_loads_with_a_warning_naming_the_retirement()
    {
        var v = Eval(M(""","api_version":1""", "sound_generator"), Dsp(CpuArchitecture.Arm64, PluginEntryPoints.PluginV1));
        Assert.True(v.MayLoad);
        var f = Assert.Single(v.Warnings);
        Assert.Equal(R.AbiDeprecated, f.Reason);
        Assert.Contains("1.3", f.Message);
    }

    [Fact]
    public void A4_a_deprecated_abi_is_retired_one_window_after_deprecation()
    {
        var abi1 = Policy.FindAbi(1)!;
        Assert.Equal(DottedVersion.Parse("1.3"), Policy.RetirementOf(abi1));
        Assert.Null(Policy.RetirementOf(Policy.FindAbi(2)!));
        var p = M(""","api_version":1""", "sound_generator");
        var dsp = Dsp(CpuArchitecture.Arm64, PluginEntryPoints.PluginV1);
        Assert.True(Eval(p, dsp, HostAt("1.2.9")).MayLoad);
        Assert.True(Eval(p, dsp, HostAt("1.3.0")).Has(R.AbiRetired));
        Assert.True(Eval(p, dsp, HostAt("0.9.15")).Findings.All(f => f.Reason is not (R.AbiDeprecated or R.AbiRetired)));
    }

    [Fact]
    public void A4_a_library_exporting_v2_too_is_not_retired_with_abi_1() =>
        Assert.True(Eval(M(""","api_version":2""", "sound_generator"),
            Dsp(CpuArchitecture.Arm64, PluginEntryPoints.PluginV1, PluginEntryPoints.PluginV2), HostAt("2.0.0")).MayLoad);

    [Fact]
    public void N1_a_missing_library_is_refused()
    {
        var v = Eval(M(""","api_version":2,"dsp":"synth.so" """, "sound_generator"), new NativeLibraryProbe("/m/synth.so", true, false, null));
        Assert.True(v.Has(R.DspMissing));
        Assert.Contains("synth.so", v.Summary);
    }

    [Fact]
    public void N2_a_library_that_is_not_a_loadable_elf_is_refused()
    {
        var probe = new NativeLibraryProbe("/m/dsp.so", true, true, ElfReadResult.Failure(ElfErrorKind.NotAnElf, "not a native library"));
        Assert.True(Eval(M(""","api_version":2""", "sound_generator"), probe).Has(R.DspNotLoadable));
    }

    [Fact]
    public void N3_a_library_for_another_cpu_is_refused_naming_both()
    {
        var v = Eval(M(""","api_version":2""", "sound_generator"), Dsp(CpuArchitecture.X64, PluginEntryPoints.PluginV2));
        var f = Assert.Single(v.Refusals);
        Assert.Equal(R.NoBuildForThisCpu, f.Reason);
        Assert.Contains("x86-64", f.Message);
        Assert.Contains("AArch64", f.Message);
    }

    [Theory]
    [InlineData("audio_fx", PluginEntryPoints.PluginV2, false)]
    [InlineData("audio_fx", PluginEntryPoints.AudioFxV2, true)]
    [InlineData("midi_fx", PluginEntryPoints.MidiFx, true)]
    [InlineData("midi_fx", PluginEntryPoints.PluginV2, false)]
    [InlineData("sound_generator", PluginEntryPoints.AudioFxV2, false)]
    [InlineData("overtake", PluginEntryPoints.AudioFxV2, true)]
    [InlineData("tool", "some_other_symbol", false)]
    public void N4_the_library_must_export_an_entry_point_for_its_kind(string kind, string export, bool loads)
    {
        var v = Eval(M(""","api_version":2""", kind), Dsp(CpuArchitecture.Arm64, export));
        Assert.Equal(loads, v.MayLoad);
        Assert.Equal(!loads, v.Has(R.NoEntryPoint));
    }

    [Fact]
    public void F1_a_failing_evaluation_refuses()
    {
        var broken = Policy with { Abis = [] };
        var v = Eval(M(""","api_version":2"""), policy: broken);
        Assert.False(v.MayLoad);
        Assert.True(v.Has(R.EvaluationFailed));
    }

    [Fact]
    public void Every_reason_has_a_code_and_refusals_are_the_default_severity()
    {
        foreach (var reason in Enum.GetValues<R>())
            Assert.Matches("^[a-z]+(-[a-z]+)*$", CompatibilityReasons.CodeOf(reason));
        Assert.Equal(FindingSeverity.Refusal, CompatibilityReasons.SeverityOf(R.NoBuildForThisCpu));
        Assert.Equal(FindingSeverity.Warning, CompatibilityReasons.SeverityOf(R.AbiDeprecated));
    }
}
