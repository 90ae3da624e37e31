namespace MoveEverything.Boot.Decision;

/// <summary>
/// The launcher's choice for one boot and a sentence saying why. <see cref="HostVersion"/> is the host version
/// started for normal or safe mode; <see cref="Notes"/> records side effects such as an update rolled back.
/// </summary>
public sealed record BootDecision(BootTarget Target, BootTrigger Trigger, string Reason, string? HostVersion, IReadOnlyList<string> Notes)
{
    public string TargetName => Target.ToString().ToLowerInvariant();
}
