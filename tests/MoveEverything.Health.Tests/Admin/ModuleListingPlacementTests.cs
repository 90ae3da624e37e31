using MoveEverything.Health.Admin;
using MoveEverything.Health.Persistence;
using MoveEverything.Health.Policy;
using MoveEverything.Health.Tests.Persistence;
using MoveEverything.Health.Trust;
using MoveEverything.Modules.Capabilities;
using MoveEverything.Storage;

namespace MoveEverything.Health.Tests.Admin;

/// <summary>`mev modules list` shows where each module's DSP runs by default and why (the trust verdict).</summary>
public sealed class ModuleListingPlacementTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ManualClock _clock = new();
    private DataPaths Paths => new(_dir.Path);
    private TrustBook Book => new(new FileTrustStore(Paths), HealthPolicy.Default, _clock);

    private IReadOnlyList<ModuleListing> List(params InstalledModule[] installed) =>
        new ModuleAdministration(Paths, new FixedInstalledModules(installed), _clock) { Trust = Book }.List();

    [Fact]
    public void Each_installed_module_shows_its_placement_and_trust_reason()
    {
        var veteran = Book;
        for (int i = 0; i < 20; i++) veteran.RecordCleanLoad("vet", "1.0.0");
        veteran.RecordCleanRun("vet", "1.0.0", TimeSpan.FromHours(10));
        Book.RecordFault("oops", "1.0.0");

        var rows = List(
            new("builtin", "1.0.0", CapabilitySet.Empty, true),
            new("mbx", "1.0.0", CapabilitySet.Of(UnsafeCapability.HardwareMailbox), false),
            new("new", "1.0.0", CapabilitySet.Empty, false),
            new("oops", "1.0.0", CapabilitySet.Empty, false),
            new("vet", "1.0.0", CapabilitySet.Empty, false)).ToDictionary(r => r.Id);

        Assert.Equal(("in_process", "built_in"), (rows["builtin"].Placement!.Isolation, rows["builtin"].Placement!.BasisJson));
        Assert.Equal(("isolated", "unsafe_native_capability"), (rows["mbx"].Placement!.Isolation, rows["mbx"].Placement!.BasisJson));
        Assert.Equal(("isolated", "on probation: 0 of 20 clean loads"), (rows["new"].Placement!.Isolation, rows["new"].Placement!.Reason));
        Assert.Equal(("isolated", "faulted_since_update"), (rows["oops"].Placement!.Isolation, rows["oops"].Placement!.BasisJson));
        Assert.Equal(("in_process", true), (rows["vet"].Placement!.Isolation, rows["vet"].Placement!.Trusted));
    }

    [Fact]
    public void An_update_shows_as_probation_again_and_a_module_not_installed_has_no_placement()
    {
        var book = Book;
        for (int i = 0; i < 20; i++) book.RecordCleanLoad("vet", "1.0.0");
        book.RecordCleanRun("vet", "1.0.0", TimeSpan.FromHours(10));
        Assert.True(new ModuleAdministration(Paths, FixedInstalledModules.None, _clock).Disable("gone").Ok);

        var rows = List(new InstalledModule("vet", "1.1.0", CapabilitySet.Empty, false)).ToDictionary(r => r.Id);
        Assert.Equal(TrustBasis.Probation, rows["vet"].Placement!.Basis);
        Assert.Null(rows["gone"].Placement);
    }

    public void Dispose() => _dir.Dispose();
}
