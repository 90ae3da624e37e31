namespace MoveEverything.Engine.Process;

/// <summary>
/// Command line of the engine process:
/// <c>--channel PATH --transport device[:DEV]|link:PATH|free-running|unpaced [--priority N] [--no-realtime]
/// [--no-demo] [--warmup-blocks N] [--load S[.P]=PATH]...</c>.
/// Parsing never throws: a bad argument gives <see cref="Error"/> with a readable reason.
/// </summary>
public sealed record EngineArguments
{
    public string ChannelPath { get; init; } = "";
    public TransportKind Transport { get; init; } = TransportKind.FreeRunning;
    /// <summary>Device node or link file, depending on <see cref="Transport"/>.</summary>
    public string? TransportPath { get; init; }
    public EngineOptions Options { get; init; } = new();
    public IReadOnlyList<PluginLoadRequest> Loads { get; init; } = [];
    public string? Error { get; init; }

    public static EngineArguments Parse(IReadOnlyList<string> args)
    {
        var result = new EngineArguments();
        var options = new EngineOptions();
        var loads = new List<PluginLoadRequest>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--channel": result = result with { ChannelPath = Next() ?? "" }; break;
                case "--transport":
                    var (kind, path, error) = ParseTransport(Next());
                    if (error != null) return result with { Error = error };
                    result = result with { Transport = kind, TransportPath = path };
                    break;
                case "--priority":
                    if (!int.TryParse(Next(), out int prio) || prio < 1 || prio > 99) return result with { Error = "--priority needs 1–99" };
                    options = options with { SchedPriority = prio };
                    break;
                case "--warmup-blocks":
                    if (!int.TryParse(Next(), out int warm) || warm < 0) return result with { Error = "--warmup-blocks needs a count" };
                    options = options with { WarmupBlocks = warm };
                    break;
                case "--no-realtime": options = options with { Realtime = false }; break;
                case "--no-demo": options = options with { Demo = false }; break;
                case "--load":
                    var load = PluginLoadRequest.Parse(Next() ?? "", out var loadError);
                    if (load == null) return result with { Error = "--load: " + loadError };
                    loads.Add(load);
                    break;
                default: return result with { Error = $"unknown argument '{arg}'" };
            }
        }
        if (result.ChannelPath.Length == 0) return result with { Error = "--channel PATH is required" };
        return result with { Options = options, Loads = loads };
    }

    private static (TransportKind, string?, string?) ParseTransport(string? text) => text switch
    {
        null => (default, null, "--transport needs a value"),
        "free-running" => (TransportKind.FreeRunning, null, null),
        "unpaced" => (TransportKind.Unpaced, null, null),
        "device" => (TransportKind.Device, "/dev/ablspi0.0", null),
        _ when text.StartsWith("device:") => (TransportKind.Device, text[7..], null),
        _ when text.StartsWith("link:") && text.Length > 5 => (TransportKind.SimulatedLink, text[5..], null),
        _ => (default, null, $"unknown transport '{text}' (device[:DEV], link:PATH, free-running, unpaced)"),
    };

    /// <summary>The inverse of <see cref="Parse"/>, for launching the engine.</summary>
    public IReadOnlyList<string> ToArgs()
    {
        var list = new List<string> { "--channel", ChannelPath, "--transport", Transport switch
        {
            TransportKind.Device => "device:" + TransportPath,
            TransportKind.SimulatedLink => "link:" + TransportPath,
            TransportKind.Unpaced => "unpaced",
            _ => "free-running",
        } };
        list.AddRange(["--priority", Options.SchedPriority.ToString(), "--warmup-blocks", Options.WarmupBlocks.ToString()]);
        if (!Options.Realtime) list.Add("--no-realtime");
        if (!Options.Demo) list.Add("--no-demo");
        foreach (var load in Loads) list.AddRange(["--load", load.ToString()]);
        return list;
    }
}
