using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Records;
using MoveEverything.Health.Tests.Persistence;
using MoveEverything.Health.Trust;
using MoveEverything.Modules.Capabilities;

namespace MoveEverything.Health.Tests.Trust;

/// <summary>Recording loads, run time and faults; the reset on update; persistence and repair of the trust file.</summary>
public sealed class TrustBookTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private string FilePath => _dir.File("module-trust.jsonl");
    private TrustBook Book(ITrustStore? store = null) => new(store ?? new FileTrustStore(FilePath), HealthPolicy.Default, _clock);
    private static TrustRequest Wave(string version = "1.0.0") => new("wave", version, false, CapabilitySet.Empty);

    private static void EarnTrust(TrustBook book, string version = "1.0.0")
    {
        for (int i = 0; i < book.Policy.ProbationCleanLoads; i++) Assert.True(book.RecordCleanLoad("wave", version).Ok);
        Assert.True(book.RecordCleanRun("wave", version, book.Policy.ProbationCleanRunTime).Ok);
    }

    [Fact]
    public void Twenty_clean_loads_and_ten_hours_earn_trust_and_it_survives_a_new_process()
    {
        var book = Book();
        Assert.False(book.Decide(Wave()).Trusted);
        EarnTrust(book);
        Assert.True(book.Decide(Wave()).Trusted);
        var reopened = Book(); // as after a restart (or kill -9: every record call returned after the write was durable)
        Assert.Empty(reopened.LoadNotes);
        Assert.True(reopened.Decide(Wave()).Trusted);
        Assert.Equal(20, reopened.Of("wave", "1.0.0").CleanLoads);
    }

    [Fact]
    public void A_fault_takes_trust_away_until_the_next_update()
    {
        var book = Book();
        EarnTrust(book);
        book.RecordFault("wave", "1.0.0");
        EarnTrust(book); // more clean use does not wash a fault out within the same version
        var d = Book().Decide(Wave());
        Assert.False(d.Trusted);
        Assert.Equal(TrustBasis.FaultedSinceUpdate, d.Basis);
    }

    [Fact]
    public void An_update_resets_the_record_so_the_new_version_is_on_probation_again()
    {
        var book = Book();
        EarnTrust(book);
        book.RecordFault("wave", "1.0.0");
        _clock.Advance(TimeSpan.FromDays(1));
        book.RecordCleanLoad("wave", "1.1.0");
        var record = Book().Of("wave", "1.1.0");
        Assert.Equal(("1.1.0", 1, TimeSpan.Zero, 0), (record.ModuleVersion, record.CleanLoads, record.CleanRunTime, record.Faults));
        Assert.Equal(_clock.Now, record.Since);
        var d = Book().Decide(Wave("1.1.0"));
        Assert.Equal(TrustBasis.Probation, d.Basis);
        Assert.Equal("on probation: 1 of 20 clean loads", d.Reason);
    }

    [Fact]
    public void Asking_about_a_new_version_writes_nothing_and_keeps_the_old_record_until_something_is_recorded()
    {
        var book = Book();
        EarnTrust(book);
        Assert.Equal(0, book.Of("wave", "2.0.0").CleanLoads);
        Assert.Equal(20, Book().Of("wave", "1.0.0").CleanLoads);
    }

    [Fact]
    public void A_fault_with_an_unknown_version_counts_against_the_stored_record()
    {
        var book = Book();
        EarnTrust(book);
        book.RecordFault("wave", "unknown");
        Assert.Equal(1, Book().Of("wave", "1.0.0").Faults);
    }

    [Fact]
    public void A_damaged_line_costs_that_module_its_trust_only_and_is_reported()
    {
        var book = Book();
        EarnTrust(book);
        book.RecordCleanLoad("other", "3.0.0");
        var lines = File.ReadAllLines(FilePath).ToList();
        int i = lines.FindIndex(l => l.Contains("\"wave\""));
        lines[i] = lines[i].Replace("\"faults\":0", "\"faults\":\"zero\"");
        File.WriteAllLines(FilePath, lines);
        var reopened = Book();
        Assert.Contains(reopened.LoadNotes, n => n.Kind == RepairKind.PartialEntry);
        Assert.Contains(reopened.LoadNotes, n => n.Kind == RepairKind.BackupKept);
        Assert.Equal(TrustBasis.FaultedSinceUpdate, reopened.Decide(Wave()).Basis); // fail closed
        Assert.Equal(1, reopened.Of("other", "3.0.0").CleanLoads);
    }

    [Fact]
    public void A_line_cut_short_is_skipped_and_the_rest_kept()
    {
        var book = Book();
        book.RecordCleanLoad("a", "1.0.0");
        book.RecordCleanLoad("b", "1.0.0");
        var text = File.ReadAllText(FilePath);
        File.WriteAllText(FilePath, text[..^20]);
        var reopened = Book();
        Assert.Contains(reopened.LoadNotes, n => n.Kind == RepairKind.CorruptEntry);
        Assert.Equal(1, reopened.Of("a", "1.0.0").CleanLoads);
        Assert.Equal(0, reopened.Of("b", "1.0.0").CleanLoads);
    }

    [Fact]
    public void A_failed_write_is_typed_and_the_change_is_kept_in_memory()
    {
        var store = new InMemoryTrustStore { FailWrites = true };
        var book = Book(store);
        var result = book.RecordFault("wave", "1.0.0");
        Assert.False(result.Ok);
        Assert.Equal(1, book.Of("wave", "1.0.0").Faults);
        Assert.Empty(store.LoadAll().Entries);
    }

    [Fact]
    public void Negative_run_time_is_ignored()
    {
        var book = Book(new InMemoryTrustStore());
        book.RecordCleanRun("wave", "1.0.0", TimeSpan.FromHours(1));
        book.RecordCleanRun("wave", "1.0.0", TimeSpan.FromHours(-5));
        Assert.Equal(TimeSpan.FromHours(1), book.Of("wave", "1.0.0").CleanRunTime);
    }

    public void Dispose() => _dir.Dispose();
}
