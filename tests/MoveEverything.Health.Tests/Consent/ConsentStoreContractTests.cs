using MoveEverything.Health.Consent;
using MoveEverything.Health.Tests.Persistence;

namespace MoveEverything.Health.Tests.Consent;

public abstract class ConsentStoreContractTests
{
    protected readonly ManualClock Clock = new();
    protected abstract IConsentStore Create();
    protected abstract IConsentStore Reopen(IConsentStore store);

    [Fact]
    public void Grants_are_per_module_and_capability_and_survive_reopening()
    {
        var store = Create();
        Assert.True(store.Grant("wave", ["raw_midi", "raw_ui"], "1.0.0").Ok);
        store.Grant("other", ["network"], "2.0.0");
        var grants = Reopen(store).GrantsOf("wave");
        Assert.Equal(["raw_midi", "raw_ui"], grants.Select(g => g.Capability).Order());
        Assert.All(grants, g => Assert.Equal("1.0.0", g.ModuleVersion));
        Assert.Equal(Clock.Now, grants[0].At);
    }

    [Fact]
    public void Granting_again_updates_the_version_without_duplicating()
    {
        var store = Create();
        store.Grant("wave", ["raw_midi"], "1.0.0");
        Clock.Advance(TimeSpan.FromDays(1));
        store.Grant("wave", ["raw_midi"], "1.1.0");
        var grant = Assert.Single(Reopen(store).GrantsOf("wave"));
        Assert.Equal("1.1.0", grant.ModuleVersion);
        Assert.Equal(Clock.Now, grant.At);
    }

    [Fact]
    public void Revoke_removes_one_capability_only()
    {
        var store = Create();
        store.Grant("wave", ["raw_midi", "raw_ui"], "1.0.0");
        store.Grant("other", ["raw_midi"], "1.0.0");
        Assert.True(store.Revoke("wave", "raw_midi").Ok);
        var reopened = Reopen(store);
        Assert.Equal(["raw_ui"], reopened.GrantsOf("wave").Select(g => g.Capability));
        Assert.Single(reopened.GrantsOf("other"));
    }
}

public sealed class InMemoryConsentStoreTests : ConsentStoreContractTests
{
    protected override IConsentStore Create() => new InMemoryConsentStore(Clock);
    protected override IConsentStore Reopen(IConsentStore store) => store;
}

public sealed class FileConsentStoreTests : ConsentStoreContractTests, IDisposable
{
    private readonly TempDir _dir = new();
    protected override IConsentStore Create() => new ConsentStore(_dir.File("consent.jsonl"), Clock);
    protected override IConsentStore Reopen(IConsentStore store) => new ConsentStore(((ConsentStore)store).Path, Clock);

    [Fact]
    public void A_damaged_grant_is_dropped_so_the_user_is_asked_again_and_the_rest_kept()
    {
        var path = _dir.File("consent.jsonl");
        File.WriteAllText(path, """{"format":"mev-consent","version":1}""" + "\n" +
            """{"module":"wave","capability":"raw_midi","moduleVersion":"1.0.0","at":"2026-11-25T08:00:00Z"}""" + "\n" +
            """{"module":"wave","capab""" + "\n" +
            """{"module":"wave","capability":"","moduleVersion":"1.0.0"}""" + "\n");
        var load = new ConsentStore(path, Clock).LoadAll();
        Assert.Equal(["raw_midi"], load.Entries.Select(g => g.Capability));
        Assert.Equal(2, load.Notes.Count(n => n.Kind == Health.Persistence.RepairKind.CorruptEntry));
    }

    public void Dispose() => _dir.Dispose();
}
