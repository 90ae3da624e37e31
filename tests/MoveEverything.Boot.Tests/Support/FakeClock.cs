namespace MoveEverything.Boot.Tests.Support;

/// <summary>A clock tests move by hand.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public FakeClock() : this(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
