namespace MoveEverything.Simulator.Headless;

/// <summary>An engine miss and the nearest baseline stall within the window, if any.</summary>
public sealed record MissMatch(EngineMiss Miss, BaselineStall? Stall)
{
    public bool Coincident => Stall != null;
}
