namespace MoveEverything.Health.Trust;

/// <summary>
/// Which module files ship with the host: a <c>builtin:</c> DSP (managed, inside the engine) or a file under one of
/// the built-in module roots (the <c>modules/</c> folder beside the executable or in the working directory, as the
/// UI host and `mev sim` use). A module.json cannot claim it: only where the file is counts.
/// </summary>
public static class BuiltInModules
{
    public const string BuiltinDspPrefix = "builtin:";

    /// <summary>The built-in module roots of a process started from the repository or an installed host.</summary>
    public static IReadOnlyList<string> DefaultRoots() =>
        [Path.Combine(AppContext.BaseDirectory, "modules"), Path.Combine(Environment.CurrentDirectory, "modules")];

    /// <summary>True for a <c>builtin:</c> path or a path (file or folder) strictly inside one of <paramref name="roots"/>.</summary>
    public static bool Contains(string path, IEnumerable<string> roots)
    {
        if (path.StartsWith(BuiltinDspPrefix, StringComparison.Ordinal)) return true;
        var full = Path.GetFullPath(path);
        return roots.Select(r => Path.GetFullPath(r).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar)
            .Any(r => full.StartsWith(r, StringComparison.Ordinal));
    }
}
