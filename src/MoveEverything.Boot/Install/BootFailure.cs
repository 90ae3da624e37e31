namespace MoveEverything.Boot.Install;

/// <summary>Carries a <see cref="BootError"/> from deep inside a step to the operation boundary, which returns it as a value.</summary>
internal sealed class BootFailure(BootError error) : Exception(error.Message)
{
    public BootError Error { get; } = error;

    public static BootFailure Of(BootErrorKind kind, string message) => new(new BootError(kind, message));
}
