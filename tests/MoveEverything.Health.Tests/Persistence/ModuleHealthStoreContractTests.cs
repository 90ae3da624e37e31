using MoveEverything.Health.Persistence;
using MoveEverything.Health.Records;
using MoveEverything.Health.States;

namespace MoveEverything.Health.Tests.Persistence;

/// <summary>The contract of <see cref="IModuleHealthStore"/>, run against every implementation.</summary>
public abstract class ModuleHealthStoreContractTests
{
    protected abstract IModuleHealthStore Create();

    /// <summary>A second view of the same durable state (a new process), or the same object for the in-memory twin.</summary>
    protected abstract IModuleHealthStore Reopen(IModuleHealthStore store);

    private static readonly DateTimeOffset T = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_update_is_visible_after_reopening()
    {
        var store = Create();
        var fp = new CrashFingerprint("wave", "1.0.0", "0.1.0", FaultPhase.Midi, "boom", T, DuringRestore: true);
        Assert.True(store.Update("wave", r => r with { Disabled = new(DisabledBy.Policy, "why", T), Strikes = [fp] }, out var after).Ok);
        Assert.Equal("why", after.Disabled!.Reason);

        var read = Assert.Single(Reopen(store).LoadAll().Entries);
        Assert.Equal("wave", read.ModuleId);
        Assert.Equal(new DisableMark(DisabledBy.Policy, "why", T), read.Disabled);
        Assert.Equal(fp, Assert.Single(read.Strikes));
    }

    [Fact]
    public void A_record_left_empty_is_removed_and_other_modules_are_untouched()
    {
        var store = Create();
        store.Update("a", r => r with { Disabled = new(DisabledBy.User, "x", T) }, out _);
        store.Update("b", r => r with { Disabled = new(DisabledBy.User, "y", T) }, out _);
        store.Update("a", r => r with { Disabled = null }, out _);
        Assert.Equal(["b"], Reopen(store).LoadAll().Entries.Select(e => e.ModuleId));
    }

    [Fact]
    public void A_fresh_store_is_empty_and_clean()
    {
        var load = Create().LoadAll();
        Assert.Empty(load.Entries);
        Assert.Empty(load.Notes);
    }
}

public sealed class InMemoryModuleHealthStoreTests : ModuleHealthStoreContractTests
{
    protected override IModuleHealthStore Create() => new InMemoryModuleHealthStore();
    protected override IModuleHealthStore Reopen(IModuleHealthStore store) => store;
}

public sealed class FileModuleHealthStoreTests : ModuleHealthStoreContractTests, IDisposable
{
    private readonly TempDir _dir = new();
    protected override IModuleHealthStore Create() => new FileModuleHealthStore(_dir.File("modules-health.jsonl"));
    protected override IModuleHealthStore Reopen(IModuleHealthStore store) => new FileModuleHealthStore(((FileModuleHealthStore)store).Path);
    public void Dispose() => _dir.Dispose();
}
