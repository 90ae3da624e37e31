namespace MoveEverything.Boot.Install;

/// <summary>The outcome of install, uninstall, update or restore: either done (with what was done) or a typed error.</summary>
public sealed record OperationResult(BootError? Error, IReadOnlyList<string> Done)
{
    public bool Succeeded => Error is null;
    public int ExitCode => Error?.ExitCode ?? 0;

    public static OperationResult Ok(IReadOnlyList<string> done) => new(null, done);
    public static OperationResult Failed(BootError error, IReadOnlyList<string> done) => new(error, done);
}
