namespace MoveEverything.Storage;

/// <summary>
/// Where persistent state lives. On a Move: /data/UserData/move-everything. Elsewhere (simulator, tests):
/// $MEV_DATA_DIR if set, else $XDG_STATE_HOME/move-everything, else ~/.local/state/move-everything.
/// Every component takes the root as a parameter so tests can point it at a temporary folder.
/// </summary>
public sealed record DataPaths(string Root)
{
    public const string DeviceRoot = "/data/UserData/move-everything";

    public static DataPaths Default()
    {
        var env = Environment.GetEnvironmentVariable("MEV_DATA_DIR");
        if (!string.IsNullOrEmpty(env)) return new DataPaths(env);
        if (Directory.Exists("/data/UserData")) return new DataPaths(DeviceRoot);
        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var baseDir = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return new DataPaths(Path.Combine(baseDir, "move-everything"));
    }

    /// <summary>User-installed modules (category subfolders below, as on the C original).</summary>
    public string Modules => Path.Combine(Root, "modules");

    /// <summary>Guardrail state: disable list, strikes, consent, boot counters.</summary>
    public string State => Path.Combine(Root, "state");

    /// <summary>Per-module data folders that a module's file functions are confined to.</summary>
    public string ModuleData => Path.Combine(Root, "module-data");

    /// <summary>Install bootstrap state: stock-binary manifest, install journal, boot counter, health mark.</summary>
    public string Boot => Path.Combine(Root, "boot");

    /// <summary>Host versions side by side (A/B) and the pointer file that selects one.</summary>
    public string Host => Path.Combine(Root, "host");
}
