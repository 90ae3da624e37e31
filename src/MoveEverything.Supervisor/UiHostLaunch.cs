namespace MoveEverything.Supervisor;

/// <summary>
/// How the supervisor starts the UI host process (besides the control channel path, which it passes itself)
/// and how fast it restarts it. Maps onto the UI host's command line: <c>--modules DIR</c>…, <c>--data DIR</c>,
/// <c>--open ID</c>, <c>--status FILE</c>.
/// </summary>
public sealed record UiHostLaunch
{
    /// <summary>Module roots (<c>--modules</c>, repeatable). Empty: the UI host's defaults.</summary>
    public IReadOnlyList<string> ModuleRoots { get; init; } = [];

    /// <summary>State root (<c>--data</c>). Null: the UI host's default (DataPaths.Default()).</summary>
    public string? DataRoot { get; init; }

    /// <summary>Overtake/tool module opened at start (<c>--open</c>); only on the first start, not on restarts.</summary>
    public string? Open { get; init; }

    /// <summary>File the UI host rewrites with its view and module states (<c>--status</c>). Null: none.</summary>
    public string? StatusFile { get; init; }

    /// <summary>Delay before the first restart after a quick death, ms; doubles per consecutive quick death. Default 200.</summary>
    public int RestartBackoffInitialMs { get; init; } = 200;

    /// <summary>Upper bound of the restart delay, ms. Default 5000.</summary>
    public int RestartBackoffMaxMs { get; init; } = 5000;

    /// <summary>A run at least this long resets the backoff to its initial delay, ms. Default 10000.</summary>
    public int HealthyRunResetsBackoffMs { get; init; } = 10_000;

    public IReadOnlyList<string> ToArgs(string channelPath, bool firstStart)
    {
        var args = new List<string> { "--channel", channelPath };
        foreach (var root in ModuleRoots) args.AddRange(["--modules", root]);
        if (DataRoot != null) args.AddRange(["--data", DataRoot]);
        if (StatusFile != null) args.AddRange(["--status", StatusFile]);
        if (firstStart && Open != null) args.AddRange(["--open", Open]);
        return args;
    }
}
