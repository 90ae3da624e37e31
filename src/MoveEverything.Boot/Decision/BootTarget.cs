namespace MoveEverything.Boot.Decision;

/// <summary>What the launcher starts. Printed lower-case by <c>mev boot --simulate</c>.</summary>
public enum BootTarget
{
    /// <summary>The stock Move program, from the verified backup.</summary>
    Stock,
    /// <summary>Move Everything with every enabled module.</summary>
    Normal,
    /// <summary>Move Everything without third-party modules.</summary>
    Safe,
}
