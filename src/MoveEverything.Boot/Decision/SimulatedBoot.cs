namespace MoveEverything.Boot.Decision;

/// <summary>
/// What would happen at the next power-on: which program sits at /opt/move/Move (stock, launcher, unknown or
/// missing), the decision, the program that would be exec'd, and problems that would stop it from starting.
/// <see cref="Boots"/> is true when the device would start stock Move or Move Everything.
/// </summary>
public sealed record SimulatedBoot(string InstalledProgram, BootDecision Decision, string? ExecPath, IReadOnlyList<string> Problems)
{
    public bool Boots => Problems.Count == 0;
}
