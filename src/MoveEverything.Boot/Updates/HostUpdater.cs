using MoveEverything.Boot.Install;

namespace MoveEverything.Boot.Updates;

/// <summary>
/// Stages a new host version next to the committed one (A/B). The staged version becomes the pointer's trial: the
/// launcher boots it, commits it after a healthy boot, and goes back to the committed version by itself otherwise.
/// A kill at any instant leaves the pointer old or new; the version folder appears only complete.
/// </summary>
public sealed class HostUpdater(Files.IFileSystem fs, MoveLayout layout, TimeProvider clock)
{
    public OperationResult Stage(string payloadFolder) =>
        new OperationRunner(fs, layout, clock, "update").Run(run =>
        {
            var pointer = HostPointer.Read(fs, layout);
            if (pointer.Committed is null)
                throw BootFailure.Of(BootErrorKind.NotInstalled, $"no host version is installed at {layout.Root}; run `mev install` first");
            var payload = Payload.Read(fs, payloadFolder);
            if (payload.Version == pointer.Committed)
                throw BootFailure.Of(BootErrorKind.PayloadInvalid, $"host {payload.Version} is already the committed version");
            if (payload.Version == pointer.Previous)
                pointer = pointer with { Previous = null }; // re-staging the old version: it becomes the trial, not both
            HostVersions.Deploy(fs, layout, payload);
            var staged = pointer with { Trial = payload.Version, TrialBoots = 0 };
            staged.Write(fs, layout);
            HostVersions.Prune(fs, layout, staged);
            run.Did($"host {payload.Version} staged; it is committed after its first healthy boot, else {pointer.Committed} comes back");
        }, journaled: false);

    public HostPointer Status() => HostPointer.Read(fs, layout);
}
