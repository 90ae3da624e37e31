using MoveEverything.Modules.Compatibility;
using MoveEverything.Modules.Elf;
using MoveEverything.Modules.Tests.Support;
using MoveEverything.Modules.Validation;
using MoveEverything.Modules.Versioning;

namespace MoveEverything.Modules.Tests.Corpus;

/// <summary>
/// The compatibility verdict of every corpus manifest under the current policy, pinned in a table:
/// a policy change shows up as a reviewed diff of Corpus/corpus-verdicts.expected.tsv.
/// Manifest-only (the corpus has no dsp.so files) against host 1.0.0 on AArch64 (the Move), so the
/// table does not depend on the machine running the tests.
/// </summary>
public class CorpusVerdictTests
{
    [Fact]
    public void Every_corpus_manifest_gets_a_verdict_matching_the_expected_table()
    {
        Assert.Equal(HostIdentity.CurrentVersionText, "1.0.0"); // the table was reviewed for this host version
        var options = new ValidationOptions
        {
            ManifestOnly = true,
            Host = new HostIdentity(DottedVersion.Parse("1.0.0"), 1, CpuArchitecture.Arm64),
        };
        var reports = ModuleValidator.ValidateDirectory(RepoPaths.Corpus, options);
        Assert.Equal(RepoPaths.CorpusManifests().Count, reports.Count);
        var rows = reports.Select(r => string.Join('\t',
            Path.GetRelativePath(RepoPaths.Corpus, r.ManifestPath).Replace('\\', '/'),
            r.Manifest?.Id ?? "-",
            r.WouldLoad ? "load" : "refuse",
            Join(r.Verdict.Findings.Select(f => f.Code)),
            Join(r.Capabilities?.Required.Names ?? []),
            Join((r.Schema ?? []).Select(v => v.Path).Distinct())));
        ExpectedTable.Check("Corpus/corpus-verdicts.expected.tsv", "path\tid\tverdict\treasons\tunsafe_capabilities\tschema_violations", rows);
    }

    private static string Join(IEnumerable<string> items) => string.Join(',', items) is { Length: > 0 } s ? s : "-";
}
