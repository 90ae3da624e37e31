namespace MoveEverything.Modules.Manifests;

/// <summary>Rules for ids and file names that become paths on disk.</summary>
public static class ModuleIds
{
    /// <summary>
    /// True when <paramref name="id"/> can be used as a single folder name: non-empty, no path
    /// separators, no "..", no control characters, no leading dot (the original's loaders refuse
    /// '..', '/', '\').
    /// </summary>
    public static bool IsSafe(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 128 && id[0] != '.' && !id.Contains("..")
        && id.All(c => c != '/' && c != '\\' && !char.IsControl(c));

    /// <summary>True when <paramref name="path"/> stays inside the module folder: relative, no ".." segment.</summary>
    public static bool IsSafeRelativePath(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] != '/' && path[0] != '\\' && !path.Contains(':')
        && path.Split('/', '\\').All(s => s != "..") && !path.Any(char.IsControl);
}
