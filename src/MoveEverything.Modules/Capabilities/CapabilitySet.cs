using System.Collections;

namespace MoveEverything.Modules.Capabilities;

/// <summary>
/// An immutable set of <see cref="UnsafeCapability"/> values, enumerated in declaration order.
/// Value equality; cheap (a bit mask).
/// </summary>
public readonly struct CapabilitySet : IEquatable<CapabilitySet>, IEnumerable<UnsafeCapability>
{
    private readonly uint _bits;

    private CapabilitySet(uint bits) => _bits = bits;

    public static CapabilitySet Empty => default;

    public static CapabilitySet Of(params IEnumerable<UnsafeCapability> capabilities)
    {
        uint bits = 0;
        foreach (var c in capabilities) bits |= Bit(c);
        return new CapabilitySet(bits);
    }

    public bool IsEmpty => _bits == 0;
    public int Count => System.Numerics.BitOperations.PopCount(_bits);
    public bool Contains(UnsafeCapability c) => (_bits & Bit(c)) != 0;
    public CapabilitySet With(UnsafeCapability c) => new(_bits | Bit(c));
    public CapabilitySet Without(UnsafeCapability c) => new(_bits & ~Bit(c));
    public CapabilitySet Union(CapabilitySet other) => new(_bits | other._bits);
    public CapabilitySet Except(CapabilitySet other) => new(_bits & ~other._bits);
    public CapabilitySet Intersect(CapabilitySet other) => new(_bits & other._bits);
    public bool IsSubsetOf(CapabilitySet other) => (_bits & ~other._bits) == 0;

    /// <summary>What changes from this set (the installed version) to <paramref name="updated"/>.
    /// An update whose <see cref="CapabilityChange.Added"/> is non-empty needs consent again.</summary>
    public CapabilityChange DiffTo(CapabilitySet updated) => new(updated.Except(this), Except(updated));

    /// <summary>The snake_case names, in declaration order.</summary>
    public IReadOnlyList<string> Names => this.Select(UnsafeCapabilities.NameOf).ToList();

    public IEnumerator<UnsafeCapability> GetEnumerator()
    {
        foreach (var c in Enum.GetValues<UnsafeCapability>())
            if (Contains(c)) yield return c;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(CapabilitySet other) => _bits == other._bits;
    public override bool Equals(object? obj) => obj is CapabilitySet s && Equals(s);
    public override int GetHashCode() => (int)_bits;
    public static bool operator ==(CapabilitySet a, CapabilitySet b) => a.Equals(b);
    public static bool operator !=(CapabilitySet a, CapabilitySet b) => !a.Equals(b);

    public override string ToString() => IsEmpty ? "(none)" : string.Join(", ", Names);

    private static uint Bit(UnsafeCapability c) => 1u << (int)c;
}
