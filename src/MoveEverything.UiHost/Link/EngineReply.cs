using MoveEverything.Ipc;

namespace MoveEverything.UiHost.Link;

/// <summary>
/// Outcome of an engine command: accepted, or refused with a reason a user can read, and the engine's typed
/// <see cref="LoadResultCode"/> when it sent one (null for links that have none, e.g. no answer).
/// </summary>
public sealed record EngineReply(bool Accepted, string? Reason, LoadResultCode? Code = null)
{
    public static EngineReply Ok { get; } = new(true, null, LoadResultCode.Ok);
    public static EngineReply Refused(string reason, LoadResultCode? code = null) => new(false, reason, code);
}
