using MoveEverything.Storage;

namespace MoveEverything.Boot;

/// <summary>
/// Where everything the bootstrap touches lives, below a filesystem root (/ on a Move, a temporary folder in tests).
/// The stock backup sits next to the stock binary so that restoring it is a same-filesystem rename.
/// </summary>
public sealed record MoveLayout(string Root)
{
    public string StockBinary => Path.Combine(Root, "opt", "move", "Move");

    /// <summary>The verified copy of stock Move; the launcher execs it for a stock boot.</summary>
    public string StockBackup => Path.Combine(Root, "opt", "move", "MoveOriginal");

    /// <summary>A backup of an older stock Move, kept when a firmware update brought a new one (removed by uninstall).</summary>
    public string SupersededBackup => StockBackup + ".superseded";

    public DataPaths Data => new(Path.Combine(Root, "data", "UserData", "move-everything"));

    public string BootDir => Data.Boot;
    public string Manifest => Path.Combine(BootDir, "stock-manifest");
    public string Journal => Path.Combine(BootDir, "journal");
    public string LockFile => Path.Combine(BootDir, "install.lock");
    public string BootState => Path.Combine(BootDir, "state");
    public string HealthMark => Path.Combine(BootDir, "health");
    public string SafeModeFlag => Path.Combine(BootDir, "safe-mode-once");

    /// <summary>Stub for the power-on key reader until the mailbox reader exists: names of held keys.</summary>
    public string HeldKeysFile => Path.Combine(BootDir, "held-keys");

    public string HostDir => Data.Host;
    public string Versions => Path.Combine(HostDir, "versions");
    public string HostPointer => Path.Combine(HostDir, "pointer");
    public string VersionDir(string version) => Path.Combine(Versions, version);
    public string HostEntry(string version) => Path.Combine(VersionDir(version), Payload.HostFile);

    /// <summary>The root implied by a launcher installed at ROOT/opt/move/Move, or null when the path has another shape.</summary>
    public static string? RootFromLauncherPath(string? exePath)
    {
        if (string.IsNullOrEmpty(exePath)) return null;
        var move = Path.GetDirectoryName(exePath);
        var opt = move is null ? null : Path.GetDirectoryName(move);
        if (move is null || opt is null || Path.GetFileName(move) != "move" || Path.GetFileName(opt) != "opt") return null;
        return Path.GetDirectoryName(opt) ?? "/";
    }
}
