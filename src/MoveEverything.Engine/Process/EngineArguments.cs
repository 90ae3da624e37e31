using MoveEverything.Engine.Isolation;
using MoveEverything.Ipc;

namespace MoveEverything.Engine.Process;

/// <summary>
/// The parsed command line (<see cref="EngineLaunch"/>, the contract shared with the supervisor) resolved into
/// a transport kind and <see cref="EngineOptions"/>. Parsing never throws: a bad argument gives <see cref="Error"/>.
/// </summary>
public sealed record EngineArguments
{
    public string ChannelPath { get; init; } = "";
    public TransportKind Transport { get; init; } = TransportKind.FreeRunning;
    /// <summary>Device node or link file, depending on <see cref="Transport"/>.</summary>
    public string? TransportPath { get; init; }
    public EngineOptions Options { get; init; } = new();
    public IReadOnlyList<ChainLoad> Loads { get; init; } = [];
    public string? Error { get; init; }
    /// <summary>CLOCK_MONOTONIC ns when this engine began its start-up: Main entry, or a standby's activation. Reported, not used.</summary>
    public long EnteredNanos { get; init; }

    public static EngineArguments Parse(IReadOnlyList<string> args)
    {
        var launch = EngineLaunch.Parse(args, out var error);
        if (launch == null) return new EngineArguments { Error = error };
        var (kind, path, transportError) = ParseTransport(launch.Transport);
        if (transportError != null) return new EngineArguments { Error = transportError };
        var defaults = new EngineOptions();
        return new EngineArguments
        {
            ChannelPath = launch.ChannelPath, Transport = kind, TransportPath = path, Loads = launch.Loads,
            Options = defaults with
            {
                SchedPriority = launch.Priority ?? defaults.SchedPriority,
                WarmupBlocks = launch.WarmupBlocks ?? defaults.WarmupBlocks,
                Realtime = launch.Realtime, Demo = launch.Demo,
                Isolation = launch.Isolate switch
                {
                    "all" => IsolationMode.All,
                    "untrusted" => IsolationMode.Untrusted,
                    "none" => IsolationMode.None,
                    _ => defaults.Isolation,
                },
            },
        };
    }

    private static (TransportKind, string?, string?) ParseTransport(string text) => text switch
    {
        "free-running" => (TransportKind.FreeRunning, null, null),
        "unpaced" => (TransportKind.Unpaced, null, null),
        "device" => (TransportKind.Device, "/dev/ablspi0.0", null),
        _ when text.StartsWith("device:") => (TransportKind.Device, text[7..], null),
        _ when text.StartsWith("link:") && text.Length > 5 => (TransportKind.SimulatedLink, text[5..], null),
        _ => (default, null, $"unknown transport '{text}' (device[:DEV], link:PATH, free-running, unpaced)"),
    };
}
