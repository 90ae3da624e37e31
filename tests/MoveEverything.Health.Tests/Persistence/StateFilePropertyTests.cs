using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;
using MoveEverything.Health.States;

namespace MoveEverything.Health.Tests.Persistence;

/// <summary>Properties of the line format: any record survives a round trip, and cutting a file at any byte
/// never throws and keeps every entry whose line was complete.</summary>
public class StateFilePropertyTests
{
    private static readonly JsonLinesStateFile<ModuleHealthRecord> File =
        new("/nonexistent/modules-health.jsonl", FileModuleHealthStore.Format, 1, new ModuleHealthCodec());

    private static ModuleHealthRecord Record(int seed)
    {
        var random = new Random(seed);
        string Text() => new(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next(32, 0x2FF)).ToArray());
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.Next(0, 10_000_000));
        var strikes = Enumerable.Range(0, random.Next(0, 4)).Select(i => new CrashFingerprint(
            "m", Text(), Text(), (FaultPhase)random.Next(0, 7), Text() + "\n\"\\", at.AddSeconds(i), random.Next(2) == 0)).ToList();
        var disabled = random.Next(3) == 0 ? null : new DisableMark((DisabledBy)random.Next(2), Text(), at);
        return new ModuleHealthRecord($"mod-{seed}", disabled, strikes.Select(s => s with { ModuleId = $"mod-{seed}" }).ToList());
    }

    [Property(MaxTest = 200)]
    public void Any_record_round_trips(int seed)
    {
        var record = Record(seed);
        var back = File.Decode(Encoding.UTF8.GetBytes(File.Serialize([record])));
        Assert.Empty(back.Notes);
        var read = Assert.Single(back.Entries);
        Assert.Equal(record.ModuleId, read.ModuleId);
        Assert.Equal(record.Disabled, read.Disabled);
        Assert.Equal(record.Strikes, read.Strikes);
    }

    [Property(MaxTest = 200)]
    public void Cutting_a_file_anywhere_keeps_every_complete_line(PositiveInt count, int seed, NonNegativeInt cutAt)
    {
        var records = Enumerable.Range(0, count.Get % 6 + 1).Select(i => Record(seed + i)).ToList();
        var bytes = Encoding.UTF8.GetBytes(File.Serialize(records));
        var cut = bytes[..(cutAt.Get % (bytes.Length + 1))];
        var load = File.Decode(cut);
        int completeEntryLines = Math.Max(0, cut.Count(b => b == (byte)'\n') - 1);
        Assert.Equal(records.Take(completeEntryLines).Select(r => r.ModuleId),
            load.Entries.Select(e => e.ModuleId).Take(completeEntryLines));
    }
}
