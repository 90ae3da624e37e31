using System.Text;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;

namespace MoveEverything.Health.Tests.Persistence;

/// <summary>Bad input: damaged, truncated, foreign or newer state files load what they can and say what was repaired.</summary>
public sealed class StateFileRepairTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string FilePath => _dir.File("modules-health.jsonl");
    private const string Header = """{"format":"mev-module-health","version":1}""";
    private const string Good1 = """{"module":"alpha","disabled":{"by":"user","reason":"off","at":"2026-11-25T08:00:00.0000000+00:00"},"strikes":[]}""";
    private const string Good2 = """{"module":"beta","disabled":{"by":"policy","reason":"crashed 3 times","at":"2026-11-25T08:00:00.0000000+00:00"},"strikes":[{"version":"1","host":"0.1","phase":"render","cause":"SIGSEGV","at":"2026-11-25T07:59:00.0000000+00:00","restore":false}]}""";

    private StateLoad<ModuleHealthRecord> LoadWith(string content)
    {
        File.WriteAllText(FilePath, content);
        return new FileModuleHealthStore(FilePath).LoadAll();
    }

    private void AssertRewrittenClean(params string[] expectedIds)
    {
        var again = new FileModuleHealthStore(FilePath).LoadAll();
        Assert.Empty(again.Notes);
        Assert.Equal(expectedIds, again.Entries.Select(e => e.ModuleId));
        Assert.Single(Directory.GetFiles(_dir.Path, "modules-health.jsonl.damaged-*"));
    }

    [Fact]
    public void A_clean_file_loads_without_notes_and_is_not_rewritten()
    {
        var load = LoadWith($"{Header}\n{Good1}\n{Good2}\n");
        Assert.Empty(load.Notes);
        Assert.Equal(["alpha", "beta"], load.Entries.Select(e => e.ModuleId));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.damaged-*"));
    }

    [Fact]
    public void A_truncated_last_line_costs_only_that_entry()
    {
        var load = LoadWith($"{Header}\n{Good1}\n{Good2[..40]}");
        Assert.Equal(["alpha"], load.Entries.Select(e => e.ModuleId));
        var note = Assert.Single(load.Notes, n => n.Kind == RepairKind.CorruptEntry);
        Assert.Equal(3, note.Line);
        Assert.Contains("cut short", note.Message);
        Assert.Contains(load.Notes, n => n.Kind == RepairKind.BackupKept);
        AssertRewrittenClean("alpha");
    }

    [Fact]
    public void A_garbage_line_in_the_middle_is_skipped_and_both_neighbours_kept()
    {
        var load = LoadWith($"{Header}\n{Good1}\n\u0001\u00ff not json }}\n{Good2}\n");
        Assert.Equal(["alpha", "beta"], load.Entries.Select(e => e.ModuleId));
        Assert.Equal(RepairKind.CorruptEntry, load.Notes[0].Kind);
        AssertRewrittenClean("alpha", "beta");
    }

    [Fact]
    public void A_missing_header_still_reads_the_entries()
    {
        var load = LoadWith($"{Good1}\n{Good2}\n");
        Assert.Equal(["alpha", "beta"], load.Entries.Select(e => e.ModuleId));
        Assert.Equal(RepairKind.MissingHeader, load.Notes[0].Kind);
        AssertRewrittenClean("alpha", "beta");
    }

    [Fact]
    public void A_newer_version_keeps_what_this_host_understands_and_the_original()
    {
        var load = LoadWith("""{"format":"mev-module-health","version":7}""" + "\n" +
            """{"module":"alpha","disabled":{"by":"user","reason":"off","at":"2026-11-25T08:00:00Z"},"futureField":[1,2]}""" + "\n");
        var entry = Assert.Single(load.Entries);
        Assert.Equal(DisabledBy.User, entry.Disabled!.By);
        Assert.Contains("format version 7", load.Notes.Single(n => n.Kind == RepairKind.NewerVersion).Message);
        var backup = Directory.GetFiles(_dir.Path, "*.damaged-*").Single();
        Assert.Contains("futureField", File.ReadAllText(backup)); // nothing lost
    }

    [Fact]
    public void A_damaged_disable_mark_fails_closed_and_a_bad_strike_is_dropped()
    {
        var load = LoadWith($"{Header}\n" +
            """{"module":"alpha","disabled":{"by":"martians"},"strikes":[{"phase":"render","at":"2026-11-25T08:00:00Z"},{"phase":"nope"},42]}""" + "\n");
        var entry = Assert.Single(load.Entries);
        Assert.Equal(DisabledBy.Policy, entry.Disabled!.By);
        Assert.Contains("lost in a damaged state file", entry.Disabled.Reason);
        Assert.Single(entry.Strikes);
        var partial = Assert.Single(load.Notes, n => n.Kind == RepairKind.PartialEntry);
        Assert.Contains("strike 2 unreadable", partial.Message);
        Assert.Contains("strike 3 unreadable", partial.Message);
    }

    [Fact]
    public void An_entry_without_a_module_id_is_skipped()
    {
        var load = LoadWith($"{Header}\n" + """{"disabled":{"by":"user"}}""" + $"\n{Good1}\n" + """{"module":""}""" + "\n[1,2]\n");
        Assert.Equal(["alpha"], load.Entries.Select(e => e.ModuleId));
        Assert.Equal(3, load.Notes.Count(n => n.Kind == RepairKind.CorruptEntry));
    }

    [Fact]
    public void A_duplicate_entry_keeps_the_later_line()
    {
        var later = Good1.Replace("\"off\"", "\"off again\"");
        var load = LoadWith($"{Header}\n{Good1}\n{Good2}\n{later}\n");
        Assert.Equal(["beta", "alpha"], load.Entries.Select(e => e.ModuleId));
        Assert.Equal("off again", load.Entries[1].Disabled!.Reason);
        Assert.Single(load.Notes, n => n.Kind == RepairKind.DuplicateEntry);
    }

    [Fact]
    public void Random_binary_content_loads_empty_with_capped_notes_and_never_throws()
    {
        var bytes = new byte[64 * 1024];
        new Random(4).NextBytes(bytes);
        File.WriteAllBytes(FilePath, bytes);
        var load = new FileModuleHealthStore(FilePath).LoadAll();
        Assert.Empty(load.Entries);
        Assert.InRange(load.Notes.Count, 2, 25);
        AssertRewrittenClean();
    }

    [Fact]
    public void An_empty_file_is_repaired()
    {
        var load = LoadWith("");
        Assert.Empty(load.Entries);
        Assert.Equal(RepairKind.MissingHeader, Assert.Single(load.Notes, n => n.Kind != RepairKind.BackupKept).Kind);
    }

    [Fact]
    public void An_update_over_a_damaged_file_keeps_a_backup_and_the_readable_entries()
    {
        File.WriteAllText(FilePath, $"{Header}\n{Good1}\n{{broken\n");
        var store = new FileModuleHealthStore(FilePath);
        Assert.True(store.Update("gamma", r => r with { Disabled = new(DisabledBy.User, "off", DateTimeOffset.UnixEpoch) }, out _).Ok);
        Assert.Equal(["alpha", "gamma"], store.LoadAll().Entries.Select(e => e.ModuleId));
        Assert.Contains("{broken", File.ReadAllText(Directory.GetFiles(_dir.Path, "*.damaged-*").Single()));
    }

    [Fact]
    public void Entries_for_modules_that_are_not_installed_are_kept_and_noted()
    {
        var load = LoadWith($"{Header}\n{Good1}\n{Good2}\n");
        var notes = UnknownModuleCheck.Notes("modules-health.jsonl", load.Entries.Select(e => e.ModuleId), id => id == "alpha");
        var note = Assert.Single(notes);
        Assert.Equal(RepairKind.UnknownModule, note.Kind);
        Assert.Equal("modules-health.jsonl: names \"beta\", which is not installed; kept in case it comes back", note.ToString());
        Assert.False(note.NeedsRewrite);
    }

    [Fact]
    public void Strings_with_newlines_and_non_ascii_stay_on_one_line()
    {
        var store = new FileModuleHealthStore(FilePath);
        store.Update("wave", r => r with { Disabled = new(DisabledBy.User, "line1\nline2 — ü", DateTimeOffset.UnixEpoch) }, out _);
        var lines = File.ReadAllText(FilePath, Encoding.UTF8).TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("line1\nline2 — ü", new FileModuleHealthStore(FilePath).LoadAll().Entries.Single().Disabled!.Reason);
    }

    public void Dispose() => _dir.Dispose();
}
