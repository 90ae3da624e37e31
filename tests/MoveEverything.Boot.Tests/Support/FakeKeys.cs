using MoveEverything.Boot.Decision;

namespace MoveEverything.Boot.Tests.Support;

/// <summary>Simulated power-on keys: set <see cref="Held"/> before a boot.</summary>
public sealed class FakeKeys : IBootKeys
{
    public HashSet<MoveKey> Held { get; } = [];

    public IReadOnlySet<MoveKey> ReadHeld(TimeSpan window) => Held;
}
