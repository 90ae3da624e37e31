namespace MoveEverything.Ipc;

/// <summary>
/// The engine process's command line, shared by the supervisor (which formats it) and the engine (which parses it):
/// <c>--channel PATH --transport device[:DEV]|link:PATH|free-running|unpaced [--priority N] [--no-realtime]
/// [--no-demo] [--warmup-blocks N] [--isolate all|untrusted|none] [--load S[.P]=PATH]...</c>. Parsing never throws.
/// </summary>
public sealed record EngineLaunch
{
    public string ChannelPath { get; init; } = "";
    /// <summary>Transport spec as on the command line (validated by the engine).</summary>
    public string Transport { get; init; } = "free-running";
    /// <summary>SCHED_FIFO priority, or null for the engine's default.</summary>
    public int? Priority { get; init; }
    public bool Realtime { get; init; } = true;
    public bool Demo { get; init; } = true;
    /// <summary>Warm-up blocks before steady state, or null for the engine's default.</summary>
    public int? WarmupBlocks { get; init; }
    /// <summary>Which native modules run in a DSP worker process: "all", "untrusted" or "none"; null = the engine's default.</summary>
    public string? Isolate { get; init; }
    public IReadOnlyList<ChainLoad> Loads { get; init; } = [];

    /// <summary>The values <c>--isolate</c> accepts.</summary>
    public static readonly IReadOnlyList<string> IsolateValues = ["all", "untrusted", "none"];

    public IReadOnlyList<string> ToArgs()
    {
        var list = new List<string> { "--channel", ChannelPath, "--transport", Transport };
        if (Priority is int p) list.AddRange(["--priority", p.ToString()]);
        if (WarmupBlocks is int w) list.AddRange(["--warmup-blocks", w.ToString()]);
        if (!Realtime) list.Add("--no-realtime");
        if (!Demo) list.Add("--no-demo");
        if (Isolate != null) list.AddRange(["--isolate", Isolate]);
        foreach (var load in Loads) list.AddRange(["--load", load.ToString()]);
        return list;
    }

    public static EngineLaunch? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var launch = new EngineLaunch();
        var loads = new List<ChainLoad>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? next = i + 1 < args.Count ? args[i + 1] : null;
            switch (arg)
            {
                case "--channel" when next != null: launch = launch with { ChannelPath = next }; i++; break;
                case "--transport" when next != null: launch = launch with { Transport = next }; i++; break;
                case "--priority" when int.TryParse(next, out int p) && p is >= 1 and <= 99: launch = launch with { Priority = p }; i++; break;
                case "--warmup-blocks" when int.TryParse(next, out int w) && w >= 0: launch = launch with { WarmupBlocks = w }; i++; break;
                case "--no-realtime": launch = launch with { Realtime = false }; break;
                case "--no-demo": launch = launch with { Demo = false }; break;
                case "--isolate" when next != null && IsolateValues.Contains(next): launch = launch with { Isolate = next }; i++; break;
                case "--load" when next != null:
                    var load = ChainLoad.Parse(next, out var loadError);
                    if (load == null) { error = "--load: " + loadError; return null; }
                    loads.Add(load); i++;
                    break;
                default:
                    error = arg.StartsWith("--") && next == null ? $"{arg} needs a value" : $"bad argument '{arg}'" + (next != null ? $" (or its value '{next}')" : "");
                    return null;
            }
        }
        if (launch.ChannelPath.Length == 0) { error = "--channel PATH is required"; return null; }
        return launch with { Loads = loads };
    }
}
