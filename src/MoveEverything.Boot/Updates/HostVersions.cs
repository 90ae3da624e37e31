using MoveEverything.Boot.Files;

namespace MoveEverything.Boot.Updates;

/// <summary>
/// The version folders below host/versions. A version folder appears by renaming a fully written and fsynced
/// staging folder, so an existing folder is always complete; leftovers of a killed copy start with '.'.
/// </summary>
internal static class HostVersions
{
    private const string StagingPrefix = ".staging-";
    private const string TrashPrefix = ".trash-";

    /// <summary>Makes host/versions/&lt;version&gt; hold exactly the payload's files. Re-runnable; false when it already did.</summary>
    public static bool Deploy(IFileSystem fs, MoveLayout layout, Payload payload)
    {
        var target = layout.VersionDir(payload.Version);
        fs.CreateDirectory(layout.Versions);
        RemoveLeftovers(fs, layout);
        if (fs.DirectoryExists(target) && SameAs(fs, target, payload)) return false;
        var staging = Path.Combine(layout.Versions, StagingPrefix + payload.Version);
        CopyTree(fs, payload.Folder, staging);
        fs.SetExecutable(Path.Combine(staging, Payload.HostFile));
        if (fs.DirectoryExists(target))
        {
            var trash = Path.Combine(layout.Versions, TrashPrefix + payload.Version);
            fs.RenameDirectory(target, trash);
        }
        fs.RenameDirectory(staging, target);
        RemoveLeftovers(fs, layout);
        return true;
    }

    /// <summary>Deletes version folders no pointer slot refers to, and leftovers of killed copies.</summary>
    public static void Prune(IFileSystem fs, MoveLayout layout, HostPointer pointer)
    {
        var keep = pointer.Referenced().ToHashSet(StringComparer.Ordinal);
        foreach (var folder in fs.EnumerateDirectories(layout.Versions))
            if (!keep.Contains(Path.GetFileName(folder))) fs.DeleteDirectory(folder);
    }

    public static bool IsBootable(IFileSystem fs, MoveLayout layout, string version) => fs.FileExists(layout.HostEntry(version));

    private static void RemoveLeftovers(IFileSystem fs, MoveLayout layout)
    {
        foreach (var folder in fs.EnumerateDirectories(layout.Versions))
            if (Path.GetFileName(folder).StartsWith('.')) fs.DeleteDirectory(folder);
    }

    private static bool SameAs(IFileSystem fs, string deployed, Payload payload)
    {
        foreach (var name in new[] { Payload.LauncherFile, Payload.HostFile, Payload.VersionFile })
        {
            var mine = Path.Combine(deployed, name);
            if (!fs.FileExists(mine) || FileHash.Of(fs, mine) != FileHash.Of(fs, Path.Combine(payload.Folder, name))) return false;
        }
        return true;
    }

    private static void CopyTree(IFileSystem fs, string source, string destination)
    {
        fs.DeleteDirectory(destination);
        fs.CreateDirectory(destination);
        foreach (var file in fs.EnumerateFiles(source))
            fs.CopyDurable(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (var folder in fs.EnumerateDirectories(source))
            CopyTree(fs, folder, Path.Combine(destination, Path.GetFileName(folder)));
        fs.SyncFolder(destination);
    }
}
