using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Tests.Manifests;

public class ManifestParserTests
{
    private static ManifestParseResult P(string json) => ManifestParser.ParseText(json);
    private static string[] Codes(ManifestParseResult r) => r.Diagnostics.Select(d => d.Code).ToArray();

    [Fact]
    public void Minimal_manifest_gets_the_original_defaults()
    {
        var r = P("""{"id":"a","name":"A","version":"1.0.0","api_version":2,"component_type":"tool"}""");
        var m = Assert.IsType<Manifest>(r.Manifest);
        Assert.Equal(("ui.js", "ui_chain.js", "dsp.so"), (m.Ui, m.UiChain, m.Dsp));
        Assert.False(m.UiDeclared || m.UiChainDeclared || m.DspDeclared);
        Assert.Equal(ComponentKind.Tool, m.Kind);
        Assert.Equal(2, m.ApiVersion);
        Assert.Empty(r.Diagnostics);
        Assert.True(r.IsLoadable);
    }

    [Fact]
    public void Missing_api_version_is_assumed_1_with_an_info()
    {
        var r = P("""{"id":"a","name":"A","version":"1.0.0","component_type":"tool"}""");
        Assert.Null(r.Manifest!.ApiVersion);
        Assert.Equal(1, r.Manifest.EffectiveApiVersion);
        Assert.Equal([DiagnosticCodes.ApiVersionMissing], Codes(r));
        Assert.True(r.IsLoadable);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("99")]
    public void Api_version_outside_1_and_2_is_kept_and_reported(string v)
    {
        var r = P($$"""{"id":"a","name":"A","version":"1","api_version":{{v}},"component_type":"tool"}""");
        Assert.Equal(int.Parse(v), r.Manifest!.ApiVersion);
        Assert.Contains(DiagnosticCodes.ApiVersionUnsupported, Codes(r));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2.5")]
    [InlineData("true")]
    public void Api_version_of_the_wrong_type_is_an_error(string v)
    {
        var r = P($$"""{"id":"a","name":"A","version":"1","api_version":{{v}},"component_type":"tool"}""");
        Assert.Null(r.Manifest!.ApiVersion);
        Assert.False(r.IsLoadable);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.Path == "$.api_version");
    }

    [Fact]
    public void Not_json_is_an_error_naming_the_line()
    {
        var r = P("{\n\"id\": \"a\"\n\"name\": \"b\"}");
        Assert.Null(r.Manifest);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.NotJson, d.Code);
        Assert.Contains("line 3", d.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("42")]
    public void Json_that_is_not_an_object_is_an_error(string json) =>
        Assert.Equal([DiagnosticCodes.NotAnObject], Codes(P(json)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\u0001binary")]
    public void Empty_or_binary_input_is_not_json(string text)
    {
        var r = P(text);
        Assert.Null(r.Manifest);
        Assert.Equal([DiagnosticCodes.NotJson], Codes(r));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted_with_warnings()
    {
        var r = P("""
            { // a comment
              "id": "a", "name": "A", "version": "1.0.0", "api_version": 1,
              /* block */ "component_type": "tool",
            }
            """);
        Assert.NotNull(r.Manifest);
        Assert.Contains(DiagnosticCodes.JsonComment, Codes(r));
        Assert.Contains(DiagnosticCodes.JsonTrailingComma, Codes(r));
        Assert.All(r.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Component_type_in_capabilities_only_is_used()
    {
        var r = P("""{"id":"a","name":"A","version":"1","api_version":2,"capabilities":{"component_type":"audio_fx"}}""");
        Assert.Equal(ComponentKind.AudioFx, r.Manifest!.Kind);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void Component_type_in_both_places_equal_is_silent_and_conflicting_is_reported()
    {
        var same = P("""{"id":"a","name":"A","version":"1","api_version":2,"component_type":"midi_fx","capabilities":{"component_type":"midi_fx"}}""");
        Assert.Empty(same.Diagnostics);
        var conflict = P("""{"id":"a","name":"A","version":"1","api_version":2,"component_type":"overtake","capabilities":{"component_type":"audio_fx"}}""");
        Assert.Equal(ComponentKind.Overtake, conflict.Manifest!.Kind);
        Assert.Equal([DiagnosticCodes.ComponentTypeConflict], Codes(conflict));
    }

    [Fact]
    public void Component_type_in_neither_place_is_other_with_a_warning()
    {
        var r = P("""{"id":"a","name":"A","version":"1","api_version":2}""");
        Assert.Equal(ComponentKind.Other, r.Manifest!.Kind);
        Assert.Null(r.Manifest.ComponentType);
        Assert.Equal([DiagnosticCodes.ComponentTypeMissing], Codes(r));
    }

    [Fact]
    public void Flags_and_structures_are_found_at_either_place()
    {
        var r = P("""
            {"id":"a","name":"A","version":"1","api_version":2,"component_type":"sound_generator","raw_ui":true,
             "chain_params":[{"key":"x"}],
             "capabilities":{"raw_midi":true,"audio_in":true,"button_passthrough":[85,200],"ui_hierarchy":{"levels":{}}}}
            """);
        var m = r.Manifest!;
        Assert.True(m.RawUi && m.RawMidi && m.Capabilities.AudioIn);
        Assert.Equal([85], m.ButtonPassthrough);
        Assert.Equal("""[{"key":"x"}]""", m.ChainParamsJson);
        Assert.Equal("""{"levels":{}}""", m.UiHierarchyJson);
        Assert.Equal([DiagnosticCodes.InvalidPassthroughCc], Codes(r));
    }

    [Fact]
    public void Over_8_KB_warns_but_parses_and_over_the_hard_cap_is_refused()
    {
        var big = $$"""{"id":"a","name":"A","version":"1","api_version":2,"component_type":"tool","description":"{{new string('x', 9000)}}"}""";
        var r = P(big);
        Assert.NotNull(r.Manifest);
        Assert.Equal([DiagnosticCodes.OverLegacySizeLimit], Codes(r));
        var capped = ManifestParser.ParseText(big, new ManifestParserOptions { MaxSizeBytes = 4096 });
        Assert.Null(capped.Manifest);
        Assert.Equal([DiagnosticCodes.FileTooLarge], Codes(capped));
    }

    [Theory]
    [InlineData("0.3.6.6", DiagnosticCodes.FourPartVersion)]
    [InlineData("1.0-beta.8", DiagnosticCodes.PreReleaseVersion)]
    [InlineData("v1.0", DiagnosticCodes.MalformedVersion)]
    public void Unusual_module_versions_are_reported(string version, string code)
    {
        var r = P($$"""{"id":"a","name":"A","version":"{{version}}","api_version":2,"component_type":"tool"}""");
        Assert.Equal(version, r.Manifest!.Version);
        Assert.Equal([code], Codes(r));
        Assert.True(r.IsLoadable);
    }

    [Theory]
    [InlineData("{\"name\":\"x\"}", DiagnosticCodes.MissingId)]
    [InlineData("{\"id\":\"\"}", DiagnosticCodes.MissingId)]
    [InlineData("{\"id\":7}", DiagnosticCodes.WrongType)]
    public void Without_a_string_id_there_is_no_manifest(string json, string code)
    {
        var r = P(json);
        Assert.Null(r.Manifest);
        Assert.Contains(code, Codes(r));
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public void Ids_that_are_not_folder_names_are_errors(string id)
    {
        var r = P($$"""{"id":"{{id}}","name":"A","version":"1","api_version":2,"component_type":"tool"}""");
        Assert.Contains(DiagnosticCodes.InvalidId, Codes(r));
        Assert.False(r.IsLoadable);
    }

    [Fact]
    public void A_dsp_outside_the_module_folder_is_refused()
    {
        var r = P("""{"id":"a","name":"A","version":"1","api_version":2,"component_type":"tool","dsp":"../../lib/evil.so"}""");
        Assert.Contains(DiagnosticCodes.UnsafeFileReference, Codes(r));
        Assert.False(r.IsLoadable);
    }

    [Fact]
    public void Duplicate_keys_are_reported_with_their_path()
    {
        var r = P("""{"id":"a","name":"A","version":"1","api_version":2,"capabilities":{"component_type":"tool","midi_in":true,"midi_in":false}}""");
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateKey, d.Code);
        Assert.Equal("$.capabilities.midi_in", d.Path);
    }

    [Fact]
    public void Defaults_tool_config_and_host_versions_are_kept()
    {
        var r = P("""
            {"id":"a","name":"A","version":"1","api_version":2,"component_type":"tool","defaults":{"preset":3},
             "tool_config":{"interactive":true,"input_extensions":[".wav"],"command":null},
             "min_host_version":"0.9.0","max_tested_host_version":"1.0.0","unsafe_capabilities":["network"]}
            """);
        var m = r.Manifest!;
        Assert.Equal("""{"preset":3}""", m.DefaultsJson);
        Assert.True(m.ToolConfig!.Interactive);
        Assert.Equal([".wav"], m.ToolConfig.InputExtensions);
        Assert.Null(m.ToolConfig.Command);
        Assert.Equal(("0.9.0", "1.0.0"), (m.MinHostVersion, m.MaxTestedHostVersion));
        Assert.Equal(["network"], m.UnsafeCapabilities);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void A_malformed_min_host_version_fails_closed()
    {
        var r = P("""{"id":"a","name":"A","version":"1","api_version":2,"component_type":"tool","min_host_version":"1.x"}""");
        Assert.Contains(DiagnosticCodes.MalformedHostVersion, Codes(r));
        Assert.False(r.IsLoadable);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        var r = ManifestParser.Parse("/nonexistent/dir/module.json");
        Assert.Equal([DiagnosticCodes.FileUnreadable], Codes(r));
    }
}

public class ManifestParserProperties
{
    [FsCheck.Xunit.Property]
    public bool Arbitrary_text_never_throws(string text)
    {
        var r = ManifestParser.ParseText(text ?? "");
        return r.Manifest is not null || r.HasErrors;
    }

    [FsCheck.Xunit.Property]
    public bool Arbitrary_values_in_known_fields_never_throw(string field, int number, bool flag, string text)
    {
        string[] fields = ["id", "api_version", "component_type", "capabilities", "button_passthrough", "ui_hierarchy", "dsp", "version", "min_host_version", "unsafe_capabilities", "tool_config"];
        var name = fields[Math.Abs((field ?? "").Length) % fields.Length];
        var value = System.Text.Json.JsonSerializer.Serialize(text ?? "");
        foreach (var v in new[] { value, number.ToString(), flag ? "true" : "false", "null", "[" + value + "," + number + "]", "{\"component_type\":" + value + "}" })
        {
            var r = ManifestParser.ParseText($$"""{"id":"a","{{name}}":{{v}}}""");
            if (r.Manifest is null && !r.HasErrors) return false;
        }
        return true;
    }
}

public class ManifestFileTests
{
    [Fact]
    public void A_directory_named_module_json_or_an_oversized_file_is_a_diagnostic()
    {
        using var t = new Support.TempDir();
        Directory.CreateDirectory(t.PathOf("dir/module.json"));
        Assert.Equal(DiagnosticCodes.FileUnreadable, Assert.Single(ManifestParser.Parse(t.PathOf("dir/module.json")).Diagnostics).Code);
        var big = t.Write("big/module.json", new string(' ', 5000) + "{}");
        var r = ManifestParser.Parse(big, new ManifestParserOptions { MaxSizeBytes = 4096 });
        Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(r.Diagnostics).Code);
        Assert.Equal(big, r.SourcePath);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_parses_with_an_info()
    {
        using var t = new Support.TempDir();
        var path = t.PathOf("module.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("""{"id":"a","name":"A","version":"1","api_version":2,"component_type":"tool"}""")]);
        var r = ManifestParser.Parse(path);
        Assert.Equal("a", r.Manifest!.Id);
        Assert.Equal([DiagnosticCodes.ByteOrderMark], r.Diagnostics.Select(d => d.Code));
        Assert.Equal(path, r.SourcePath);
    }
}
