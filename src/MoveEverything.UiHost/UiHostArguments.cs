namespace MoveEverything.UiHost;

/// <summary>
/// Command line of the UI host process:
/// <c>--channel PATH</c> control channel file created by the supervisor (omit for an in-memory engine, smoke tests only);
/// <c>--modules DIR</c> a modules root (repeatable; default: the data folder's modules and ./modules);
/// <c>--data DIR</c> state root (default: DataPaths.Default());
/// <c>--open ID</c> open an overtake/tool module at start; <c>--status FILE</c> rewrite FILE with the current view and
/// module states (for the supervisor and tests); <c>--ticks N</c> stop after N ticks (0 = run until SIGTERM);
/// <c>--safe-mode</c> start in host safe mode (also MEV_SAFE_MODE=1); <c>--safe-mode-reason TEXT</c> the sentence the
/// safe-mode screen shows (e.g. HostStartTracker's message; default MEV_BOOT_REASON);
/// <c>--builtin DIR</c> a root of modules shipped with the host (repeatable; default ./modules and the app's modules).
/// </summary>
public sealed record UiHostArguments(string? Channel, IReadOnlyList<string> ModuleRoots, string? DataRoot, string? Open, long Ticks,
    string? StatusFile = null, bool SafeMode = false, string? SafeModeReason = null, IReadOnlyList<string>? BuiltInRoots = null)
{
    public static UiHostArguments? Parse(string[] args, out string? error)
    {
        error = null;
        string? channel = null, data = null, open = null, status = null, safeReason = null;
        long ticks = 0;
        var safe = false;
        var roots = new List<string>();
        var builtIn = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--channel" when value is not null: channel = value; i++; break;
                case "--modules" when value is not null: roots.Add(value); i++; break;
                case "--data" when value is not null: data = value; i++; break;
                case "--open" when value is not null: open = value; i++; break;
                case "--status" when value is not null: status = value; i++; break;
                case "--safe-mode": safe = true; break;
                case "--safe-mode-reason" when value is not null: safeReason = value; i++; break;
                case "--builtin" when value is not null: builtIn.Add(value); i++; break;
                case "--ticks" when value is not null && long.TryParse(value, out ticks) && ticks >= 0: i++; break;
                default:
                    error = $"unexpected argument '{args[i]}' (usage: [--channel PATH] [--modules DIR]... [--data DIR] [--open ID] [--status FILE] [--ticks N] [--safe-mode] [--safe-mode-reason TEXT] [--builtin DIR]...)";
                    return null;
            }
        }
        return new UiHostArguments(channel, roots, data, open, ticks, status, safe, safeReason, builtIn);
    }
}
