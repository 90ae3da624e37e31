using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;

namespace MoveEverything.Health.Tests.Persistence;

public sealed class HostStartFileTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private string FilePath => _dir.File("host-starts.jsonl");

    /// <summary>A new tracker per start, as after a real process restart.</summary>
    private HostStartDecision Start() =>
        new HostStartTracker(new FileHostStartStore(FilePath), HealthPolicy.Default, _clock).BeginStart();

    [Fact]
    public void Unhealthy_starts_are_counted_across_process_restarts()
    {
        Start(); _clock.Advance(TimeSpan.FromSeconds(5));
        Start(); _clock.Advance(TimeSpan.FromSeconds(5));
        Start(); _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(Start().SafeMode);
        new HostStartTracker(new FileHostStartStore(FilePath), HealthPolicy.Default, _clock).MarkHealthy();
        Assert.False(Start().SafeMode); // the one more try
    }

    [Fact]
    public void A_damaged_host_start_file_is_repaired_and_the_start_goes_on()
    {
        File.WriteAllText(FilePath, "\u0000\u0001garbage");
        var store = new FileHostStartStore(FilePath);
        var decision = new HostStartTracker(store, HealthPolicy.Default, _clock).BeginStart();
        Assert.False(decision.SafeMode);
        Assert.Null(decision.PersistError);
        Assert.Contains(store.LastNotes, n => n.Kind == RepairKind.BackupKept);
        Assert.Equal(_clock.Now, new FileHostStartStore(FilePath).Load().PendingSince);
    }

    public void Dispose() => _dir.Dispose();
}
