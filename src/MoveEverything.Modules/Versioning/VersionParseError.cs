namespace MoveEverything.Modules.Versioning;

/// <summary>A refused version string with a reason a module author can act on.</summary>
public sealed record VersionParseError(VersionErrorKind Kind, string Text, string Message)
{
    public override string ToString() => Message;
}
