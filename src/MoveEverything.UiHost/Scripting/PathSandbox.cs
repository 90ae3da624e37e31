using System.Runtime.InteropServices;

namespace MoveEverything.UiHost.Scripting;

/// <summary>
/// Confines paths a module names to one folder. Rules, in order: no empty path, no NUL, no ".." segment
/// at all (even one that would stay inside); relative paths are taken relative to the root; the full
/// path must lie under the root; and the real path (symlinks resolved) of the path — or of its deepest
/// existing ancestor — must lie under the root's real path, so a symlink cannot lead out.
/// </summary>
public sealed class PathSandbox
{
    private readonly string _root;

    public PathSandbox(string root)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
    }

    public string Root => _root;

    /// <summary>Returns the full path, or null and a reason a module author can act on.</summary>
    public string? Resolve(string path, out string? refusal)
    {
        refusal = Check(path, out var full);
        return refusal is null ? full : null;
    }

    public bool Contains(string fullPath) => IsUnder(Path.GetFullPath(fullPath), _root);

    private string? Check(string path, out string full)
    {
        full = "";
        if (string.IsNullOrWhiteSpace(path)) return "empty path";
        if (path.Contains('\0')) return "path contains a NUL character";
        if (path.Split('/', '\\').Any(segment => segment == "..")) return $"'..' is not allowed in '{path}'";
        full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(_root, path));
        if (!IsUnder(full, _root)) return $"'{path}' is outside the module's folder {_root}";
        var realRoot = RealPath(_root) ?? _root;
        var probe = full;
        while (!File.Exists(probe) && !Directory.Exists(probe) && Path.GetDirectoryName(probe) is { } parent)
            probe = parent;
        var real = RealPath(probe);
        if (real is not null && !IsUnder(real, realRoot))
            return $"'{path}' leads outside the module's folder through a link";
        return null;
    }

    private static bool IsUnder(string full, string root) =>
        full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string? RealPath(string path)
    {
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { free(resolved); }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr ptr);
}
