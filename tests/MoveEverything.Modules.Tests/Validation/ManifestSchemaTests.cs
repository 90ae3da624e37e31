using System.Text;
using System.Text.Json;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Tests.Support;
using MoveEverything.Modules.Validation;

namespace MoveEverything.Modules.Tests.Validation;

public class ManifestSchemaTests
{
    private static IReadOnlyList<SchemaViolation> Check(string json) => ManifestSchema.Check(Encoding.UTF8.GetBytes(json))!;

    private const string Valid = """{"id":"my-synth","name":"My Synth","version":"1.0.0","api_version":2,"component_type":"sound_generator"}""";

    [Fact]
    public void A_complete_manifest_is_valid() => Assert.Empty(Check(Valid));

    [Fact]
    public void The_repository_copy_is_the_embedded_schema() =>
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "schema", "module.schema.json")), ManifestSchema.Text);

    [Theory]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":99}""", "$.api_version")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":0}""", "$.api_version")]
    [InlineData("""{"id":"../a","name":"A","version":"1","api_version":2}""", "$.id")]
    [InlineData("""{"id":"a","name":"A","version":"v1.0","api_version":2}""", "$.version")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":2,"dsp":"../x.so"}""", "$.dsp")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":2,"dsp":"/lib/x.so"}""", "$.dsp")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":2,"unsafe_capabilities":["root"]}""", "$.unsafe_capabilities[0]")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":2,"capabilities":{"midi_in":"yes"}}""", "$.capabilities.midi_in")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":2,"button_passthrough":[300]}""", "$.button_passthrough[0]")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":2,"component_type":"synth"}""", "$.component_type")]
    [InlineData("""{"id":"a","name":"A","version":"1","api_version":2,"min_host_version":"1.x"}""", "$.min_host_version")]
    public void Violations_name_the_offending_path(string json, string path) =>
        Assert.Contains(Check(json), v => v.Path == path);

    [Fact]
    public void Missing_required_fields_are_violations_at_the_root()
    {
        var v = Check("""{"id":"a"}""");
        Assert.Contains(v, x => x.Path == "$" && x.Message.Contains("api_version"));
    }

    [Fact]
    public void Not_json_gives_null() => Assert.Null(ManifestSchema.Check(Encoding.UTF8.GetBytes("{nope")));

    [Fact]
    public void Schema_enums_match_the_code()
    {
        using var doc = JsonDocument.Parse(ManifestSchema.Text);
        var defs = doc.RootElement.GetProperty("$defs");
        string[] Enum(string def) => defs.GetProperty(def).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order().ToArray();
        Assert.Equal(UnsafeCapabilities.Names.Order().ToArray(), Enum("unsafeCapability"));
        Assert.Equal(ComponentKinds.KnownNames.Order().ToArray(), Enum("componentType"));
    }
}
