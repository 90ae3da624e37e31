using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Tests.Support;

namespace MoveEverything.Modules.Tests.Corpus;

/// <summary>Discovery over the real ecosystem: every corpus manifest installed into its category folder.</summary>
public class CorpusDiscoveryTests
{
    [Fact]
    public void Real_duplicate_ids_keep_the_first_and_name_both_paths()
    {
        using var t = new TempDir();
        foreach (var rel in RepoPaths.CorpusManifests())
        {
            var parsed = ManifestParser.Parse(Path.Combine(RepoPaths.Corpus, rel));
            var folderName = rel.Replace("/module.json", "").Replace('/', '_');
            var category = parsed.Manifest is { } m ? ComponentKinds.InstallSubdirectory(m.Kind) : "other";
            t.Write(Path.Combine("user", category, folderName, "module.json"), File.ReadAllText(Path.Combine(RepoPaths.Corpus, rel)));
        }
        var r = ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = t.PathOf("user"), PathExists = _ => false });

        Assert.Equal(RepoPaths.CorpusManifests().Count, r.Modules.Count + r.Duplicates.Count + r.Unreadable.Count - r.Modules.Count(m => m.IsPack));
        Assert.Equal(r.Modules.Count, r.Modules.Select(m => m.Id).Distinct().Count());
        foreach (var id in new[] { "tuner", "freak", "obxd", "freeverb", "chain", "clap", "usefulity" })
            Assert.Contains(r.Duplicates, d => d.Id == id);
        var freak = r.Duplicates.First(d => d.Id == "freak");
        var message = freak.Diagnostics.Single(d => d.Code == DiagnosticCodes.DuplicateId).Message;
        Assert.Contains(r.Find("freak")!.ManifestPath, message);
        Assert.Contains(freak.ManifestPath, message);
        Assert.EndsWith("_alt_modules_my-module", Assert.Single(r.Unreadable).FolderName); // the template without an id
        Assert.True(r.Find("rnbo-runner")!.IsHidden); // requires_path missing here
    }
}
