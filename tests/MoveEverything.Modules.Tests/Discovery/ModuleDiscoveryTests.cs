using MoveEverything.Modules.Discovery;
using MoveEverything.Modules.Manifests;
using MoveEverything.Modules.Tests.Support;

namespace MoveEverything.Modules.Tests.Discovery;

public class ModuleDiscoveryTests
{
    private static DiscoveryResult Discover(TempDir t, Func<string, bool>? exists = null) =>
        ModuleDiscovery.Discover(new DiscoveryOptions
        {
            UserModulesRoot = t.PathOf("user"),
            BuiltinModulesRoot = t.PathOf("builtin"),
            PathExists = exists ?? (_ => true),
        });

    [Fact]
    public void Scans_builtin_then_root_then_categories_in_the_original_order()
    {
        using var t = new TempDir();
        t.Module("user/tools/t1", "t1");
        t.Module("user/overtake/o1", "o1", type: "overtake");
        t.Module("user/other/x1", "x1");
        t.Module("user/utilities/u1", "u1", type: "utility");
        t.Module("user/midi_fx/m1", "m1", type: "midi_fx");
        t.Module("user/audio_fx/a1", "a1", type: "audio_fx");
        t.Module("user/sound_generators/s1", "s1", type: "sound_generator");
        t.Module("user/root1", "r1");
        t.Module("builtin/chain", "chain", type: "featured");
        var r = Discover(t);
        Assert.Equal(["chain", "r1", "s1", "a1", "m1", "u1", "x1", "o1", "t1"], r.Modules.Select(m => m.Id));
        Assert.Equal(ModuleSource.Builtin, r.Modules[0].Source);
        Assert.All(r.Modules.Skip(1), m => Assert.Equal(ModuleSource.User, m.Source));
    }

    [Fact]
    public void Folders_without_module_json_and_dot_folders_are_ignored()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t.PathOf("user/empty"));
        t.Module("user/.trash/old", "old");
        t.Module("user/.git", "git");
        t.Module("user/ok", "ok");
        Assert.Equal(["ok"], Discover(t).Modules.Select(m => m.Id));
    }

    [Fact]
    public void First_id_wins_and_the_duplicate_names_both_paths()
    {
        using var t = new TempDir();
        var first = t.Module("user/sound_generators/freak", "freak", type: "sound_generator");
        var second = t.Module("user/sound_generators/mrhyde", "freak", type: "sound_generator");
        var r = Discover(t);
        var kept = Assert.Single(r.Modules);
        Assert.Equal(first, kept.ManifestPath);
        var dup = Assert.Single(r.Duplicates);
        Assert.Equal(second, dup.ManifestPath);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateId, d.Code);
        Assert.Contains(first, d.Message);
        Assert.Contains(second, d.Message);
    }

    [Fact]
    public void A_user_module_cannot_shadow_a_builtin()
    {
        using var t = new TempDir();
        t.Module("builtin/chain", "chain", type: "featured");
        t.Module("user/chain", "chain", type: "featured");
        var r = Discover(t);
        Assert.Equal(ModuleSource.Builtin, Assert.Single(r.Modules).Source);
        Assert.Equal(ModuleSource.User, Assert.Single(r.Duplicates).Source);
    }

    [Fact]
    public void Missing_requires_path_hides_with_a_reason()
    {
        using var t = new TempDir();
        t.Module("user/overtake/rnbo", "rnbo", ""","requires_path":"/data/UserData/rnbo/bin/x" """, "overtake");
        t.Module("user/overtake/other", "other", ""","requires_path":"/present" """, "overtake");
        var r = Discover(t, p => p == "/present");
        var rnbo = r.Find("rnbo")!;
        Assert.True(rnbo.IsHidden);
        Assert.Contains("/data/UserData/rnbo/bin/x", rnbo.HiddenReason);
        Assert.Contains(rnbo.Diagnostics, d => d.Code == DiagnosticCodes.RequiredPathMissing);
        Assert.False(r.Find("other")!.IsHidden);
        Assert.Equal(["other"], r.Visible.Select(m => m.Id));
    }

    [Fact]
    public void Hidden_flag_hides()
    {
        using var t = new TempDir();
        t.Module("user/tools/h", "h", ""","hidden":true""");
        t.Module("user/tools/v", "v", ""","hidden":false""");
        var r = Discover(t);
        Assert.Equal("hidden by its module.json", r.Find("h")!.HiddenReason);
        Assert.Contains(r.Find("h")!.Diagnostics, d => d.Code == DiagnosticCodes.HiddenByManifest);
        Assert.Equal(["v"], r.Visible.Select(m => m.Id));
    }

    [Fact]
    public void Scan_packs_expands_into_virtual_modules_and_hides_the_base()
    {
        using var t = new TempDir();
        t.Module("user/sound_generators/rnbo", "rnbo", ""","scan_packs":"packs" """, "sound_generator");
        Directory.CreateDirectory(t.PathOf("user/sound_generators/rnbo/packs/drone.rnbopack"));
        t.Write("user/sound_generators/rnbo/packs/bells/info.json", "{}");
        Directory.CreateDirectory(t.PathOf("user/sound_generators/rnbo/packs/not-a-pack"));
        var r = Discover(t);
        Assert.Equal(["rnbo", "rnbo-bells", "rnbo-drone"], r.Modules.Select(m => m.Id));
        Assert.Equal("replaced by its packs", r.Find("rnbo")!.HiddenReason);
        var drone = r.Find("rnbo-drone")!;
        Assert.True(drone.IsPack);
        Assert.Equal("drone (rnbo)", drone.Manifest.Name);
        Assert.Contains("drone.rnbopack", drone.Manifest.DefaultsJson);
        Assert.Equal(["rnbo-bells", "rnbo-drone"], r.Visible.Select(m => m.Id));
    }

    [Fact]
    public void Broken_manifests_are_reported_not_thrown()
    {
        using var t = new TempDir();
        t.Write("user/tools/broken/module.json", "{ not json");
        t.Write("user/tools/noid/module.json", """{"name":"x"}""");
        t.Write("user/tools/bad-api/module.json", """{"id":"bad-api","name":"B","version":"1","api_version":"two","component_type":"tool"}""");
        var r = Discover(t);
        Assert.Equal(["broken", "noid"], r.Unreadable.Select(u => u.FolderName));
        Assert.Contains("not valid JSON", r.Unreadable[0].Reason);
        Assert.False(r.Find("bad-api")!.IsLoadable);
    }

    [Fact]
    public void Missing_roots_give_an_empty_result()
    {
        var r = ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = "/nonexistent/mev/modules" });
        Assert.Empty(r.Modules);
        Assert.Empty(r.Unreadable);
    }

    [Fact]
    public void The_module_cap_is_reported()
    {
        using var t = new TempDir();
        for (var i = 0; i < 5; i++) t.Module($"user/m{i}", $"m{i}");
        var r = ModuleDiscovery.Discover(new DiscoveryOptions { UserModulesRoot = t.PathOf("user"), MaxModules = 3 });
        Assert.Equal(3, r.Modules.Count);
        Assert.Equal(DiagnosticCodes.TooManyModules, Assert.Single(r.Diagnostics).Code);
    }

    [Fact]
    public void Tree_scan_finds_manifests_at_any_depth_sorted_by_path()
    {
        using var t = new TempDir();
        t.Module("a/b/c/d", "deep");
        t.Module("z", "z");
        t.Write("m/module.json", "nope");
        var scanned = ManifestTreeScanner.Scan(t.Root);
        Assert.Equal(["a/b/c/d/module.json", "m/module.json", "z/module.json"], scanned.Select(s => s.Path));
        Assert.Equal("deep", scanned[0].Result.Manifest!.Id);
        Assert.Null(scanned[1].Result.Manifest);
    }
}
