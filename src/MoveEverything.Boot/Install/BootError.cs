namespace MoveEverything.Boot.Install;

/// <summary>A typed failure with a sentence a user can act on. Nothing was lost when one is returned.</summary>
public sealed record BootError(BootErrorKind Kind, string Message)
{
    public int ExitCode => (int)Kind;
    public override string ToString() => $"{Kind}: {Message}";
}
