namespace MoveEverything.Health.Tests;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset Origin = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public ManualClock() : this(Origin) { }

    public DateTimeOffset Now { get; private set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}
