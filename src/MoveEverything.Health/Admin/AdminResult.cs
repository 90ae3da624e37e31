namespace MoveEverything.Health.Admin;

/// <summary>The outcome of an administration command: a sentence for the user, or a typed error with one.</summary>
public sealed record AdminResult(string Message, AdminErrorKind? Error = null)
{
    public bool Ok => Error is null;
    public static AdminResult Done(string message) => new(message);
    public static AdminResult Fail(AdminErrorKind kind, string message) => new(message, kind);
}
