using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Tests.Support;

namespace MoveEverything.Modules.Tests.Corpus;

/// <summary>Every real module.json of ../shared/corpus parses or yields diagnostics, and its classification is pinned.</summary>
public class CorpusManifestTests
{
    [Fact]
    public void The_corpus_is_there_and_large()
    {
        Assert.True(RepoPaths.CorpusManifests().Count >= 140, $"expected the ~148 manifests under {RepoPaths.Corpus}");
    }

    [Fact]
    public void Every_corpus_manifest_parses_or_yields_diagnostics_and_matches_the_expected_table()
    {
        var rows = new List<string>();
        foreach (var rel in RepoPaths.CorpusManifests())
        {
            var result = ManifestParser.Parse(Path.Combine(RepoPaths.Corpus, rel));
            Assert.True(result.Manifest is not null || result.HasErrors, $"{rel}: no manifest and no error");
            var m = result.Manifest;
            var codes = result.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal);
            rows.Add(string.Join('\t', rel, m?.Id ?? "-", m?.ComponentType ?? "-",
                m?.ApiVersion?.ToString() ?? "-", string.Join(',', codes) is { Length: > 0 } c ? c : "-"));
        }
        ExpectedTable.Check("Corpus/corpus-manifests.expected.tsv", "path\tid\tcomponent_type\tapi_version\tdiagnostics", rows);
    }

    [Fact]
    public void Every_corpus_manifest_survives_truncation_without_an_exception()
    {
        // Cutting a real file at arbitrary points must give diagnostics, never an exception.
        foreach (var rel in RepoPaths.CorpusManifests().Take(40))
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, rel));
            foreach (var cut in new[] { 1, bytes.Length / 3, bytes.Length / 2, bytes.Length - 2 })
            {
                var r = ManifestParser.Parse(bytes.AsMemory(0, Math.Max(0, cut)));
                Assert.True(r.HasErrors, $"{rel} cut at {cut} should be refused");
            }
        }
    }
}
