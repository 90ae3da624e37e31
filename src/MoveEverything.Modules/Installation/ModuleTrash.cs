using MoveEverything.Modules.Manifests;

namespace MoveEverything.Modules.Installation;

/// <summary>
/// Crash-safe removal of a module folder: one rename(2) moves the whole folder into <c>&lt;modules root&gt;/.trash</c>
/// (same file system, so the move is atomic; discovery skips folders whose name starts with a dot), then the trashed
/// copy is deleted. Invariant (tested, with a "crash" between the two steps): at any instant discovery sees either the
/// whole module or none of it; whatever a kill -9 leaves in the trash is finished by <see cref="Pending"/> +
/// <see cref="Purge"/> at the next start. Trash entries are named <c>&lt;id&gt;~&lt;random&gt;</c> so the next start
/// knows whose state to forget.
/// </summary>
public static class ModuleTrash
{
    public const string FolderName = ".trash";
    private const char Separator = '~';

    public static string FolderOf(string modulesRoot) => Path.Combine(modulesRoot, FolderName);

    /// <summary>
    /// Moves <paramref name="moduleFolder"/> into the trash of <paramref name="modulesRoot"/>. Refuses (nothing moved)
    /// a folder that is not strictly inside the modules root, the trash itself, or an unsafe id.
    /// </summary>
    public static TrashMove MoveToTrash(string moduleFolder, string modulesRoot, string moduleId)
    {
        if (!ModuleIds.IsSafe(moduleId))
            return TrashMove.Refused($"'{moduleId}' is not a valid module id");
        var root = Path.GetFullPath(modulesRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var folder = Path.GetFullPath(moduleFolder).TrimEnd(Path.DirectorySeparatorChar);
        var trash = FolderOf(root.TrimEnd(Path.DirectorySeparatorChar));
        if (!folder.StartsWith(root, StringComparison.Ordinal) || folder == trash || folder.StartsWith(trash + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return TrashMove.Refused($"{folder} is not inside the modules folder {root}; only installed modules can be removed");
        if (!Directory.Exists(folder))
            return TrashMove.Refused($"{folder} does not exist (already removed?)");
        var entry = Path.Combine(trash, moduleId + Separator + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(trash);
            Directory.Move(folder, entry);
            return new TrashMove(true, entry, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TrashMove.Refused($"could not move {folder} out of the modules folder: {e.Message}");
        }
    }

    /// <summary>Trash entries left by removals (finished or interrupted), oldest name first; never throws.</summary>
    public static IReadOnlyList<TrashedModule> Pending(string modulesRoot)
    {
        try
        {
            var trash = FolderOf(modulesRoot);
            if (!Directory.Exists(trash)) return [];
            return Directory.GetFileSystemEntries(trash).Order(StringComparer.Ordinal)
                .Select(p => new TrashedModule(IdOf(Path.GetFileName(p)), p)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Deletes one trash entry; returns an error sentence, or null when it is gone. Safe to repeat.</summary>
    public static string? Purge(string trashEntry)
    {
        try
        {
            if (Directory.Exists(trashEntry)) Directory.Delete(trashEntry, recursive: true);
            else if (File.Exists(trashEntry)) File.Delete(trashEntry);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"could not delete {trashEntry}: {e.Message} (it is out of the way; the next start tries again)";
        }
    }

    /// <summary>The module id a trash entry was named after; null for a name this host did not write.</summary>
    private static string? IdOf(string name)
    {
        var cut = name.LastIndexOf(Separator);
        var id = cut > 0 ? name[..cut] : null;
        return ModuleIds.IsSafe(id) ? id : null;
    }
}
