namespace MoveEverything.UiHost.Link;

/// <summary>Outcome of an engine command: accepted, or refused with a reason a user can read.</summary>
public sealed record EngineReply(bool Accepted, string? Reason)
{
    public static EngineReply Ok { get; } = new(true, null);
    public static EngineReply Refused(string reason) => new(false, reason);
}
