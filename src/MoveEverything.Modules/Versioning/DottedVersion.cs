using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MoveEverything.Modules.Versioning;

/// <summary>
/// A version as the ecosystem writes them: 1 to 4 dot-separated non-negative integers, an optional
/// SemVer pre-release (<c>1.0-beta.8</c>) and optional build metadata (ignored in comparisons).
/// Invariants: <see cref="Parts"/> has 1–4 elements, each ≥ 0; missing parts compare as 0, so
/// <c>1.2</c> == <c>1.2.0</c> == <c>1.2.0.0</c>; a pre-release sorts before the same release
/// (<c>1.0-beta.8</c> &lt; <c>1.0</c>). A leading <c>v</c> is refused (typed), never read as 0.
/// </summary>
public sealed class DottedVersion : IComparable<DottedVersion>, IEquatable<DottedVersion>
{
    /// <summary>Most numeric parts accepted (the corpus has four-part versions such as 0.3.6.6).</summary>
    public const int MaxParts = 4;

    private readonly int[] _parts;

    private DottedVersion(int[] parts, string[] preRelease, string? build, string text)
    {
        _parts = parts;
        PreRelease = preRelease;
        BuildMetadata = build;
        Text = text;
    }

    /// <summary>The numeric parts as written (1–4 of them).</summary>
    public IReadOnlyList<int> Parts => _parts;
    public int Major => _parts[0];
    public int Minor => _parts.Length > 1 ? _parts[1] : 0;
    public int Patch => _parts.Length > 2 ? _parts[2] : 0;

    /// <summary>Dot-separated pre-release identifiers; empty for a release.</summary>
    public IReadOnlyList<string> PreRelease { get; }
    public bool IsPreRelease => PreRelease.Count > 0;
    public string? BuildMetadata { get; }

    /// <summary>The string this was parsed from.</summary>
    public string Text { get; }

    public static DottedVersion Parse(string text) =>
        TryParse(text, out var v, out var error) ? v : throw new FormatException(error.Message);

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out DottedVersion? version,
        [NotNullWhen(false)] out VersionParseError? error)
    {
        version = null;
        error = Check(text, out var parts, out var pre, out var build);
        if (error is not null) return false;
        version = new DottedVersion(parts!, pre!, build, text!);
        return true;
    }

    private static VersionParseError? Check(string? text, out int[]? parts, out string[]? pre, out string? build)
    {
        parts = null; pre = null; build = null;
        if (string.IsNullOrWhiteSpace(text))
            return Fail(VersionErrorKind.Empty, text ?? "", "the version is empty");
        var s = text;
        if (s[0] is 'v' or 'V')
            return Fail(VersionErrorKind.LeadingV, text, $"'{text}' starts with 'v'; write the numbers only (e.g. '{text[1..]}')");
        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            build = s[(plus + 1)..];
            if (!IdentifiersValid(build))
                return Fail(VersionErrorKind.InvalidBuildMetadata, text, $"'{text}' has invalid build metadata after '+'");
            s = s[..plus];
        }
        var dash = s.IndexOf('-');
        pre = [];
        if (dash >= 0)
        {
            var preText = s[(dash + 1)..];
            if (!IdentifiersValid(preText))
                return Fail(VersionErrorKind.InvalidPreRelease, text,
                    $"'{text}' has an invalid pre-release after '-' (use letters, digits and dots, e.g. '1.0-beta.8')");
            pre = preText.Split('.');
            s = s[..dash];
        }
        var pieces = s.Split('.');
        if (pieces.Length > MaxParts)
            return Fail(VersionErrorKind.TooManyParts, text, $"'{text}' has {pieces.Length} numeric parts; at most {MaxParts} are allowed");
        parts = new int[pieces.Length];
        for (var i = 0; i < pieces.Length; i++)
        {
            var p = pieces[i];
            if (p.Length == 0)
                return Fail(VersionErrorKind.EmptyPart, text, $"'{text}' has an empty part (two dots in a row, or a dot at an end)");
            if (!p.All(char.IsAsciiDigit))
                return Fail(VersionErrorKind.NonNumericPart, text, $"'{text}': part '{p}' is not a number");
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out parts[i]))
                return Fail(VersionErrorKind.NumberTooLarge, text, $"'{text}': part '{p}' is too large");
        }
        return null;
    }

    private static bool IdentifiersValid(string text) =>
        text.Length > 0 && text.Split('.').All(id => id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));

    private static VersionParseError Fail(VersionErrorKind kind, string text, string message) => new(kind, text, message);

    public int CompareTo(DottedVersion? other)
    {
        if (other is null) return 1;
        for (var i = 0; i < MaxParts; i++)
        {
            var a = i < _parts.Length ? _parts[i] : 0;
            var b = i < other._parts.Length ? other._parts[i] : 0;
            if (a != b) return a.CompareTo(b);
        }
        return ComparePreRelease(PreRelease, other.PreRelease);
    }

    private static int ComparePreRelease(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return b.Count.CompareTo(a.Count); // release > pre-release
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var an = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var ai);
            var bn = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var bi);
            var c = (an, bn) switch
            {
                (true, true) => ai.CompareTo(bi),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a[i], b[i]),
            };
            if (c != 0) return Math.Sign(c);
        }
        return a.Count.CompareTo(b.Count);
    }

    public bool Equals(DottedVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is DottedVersion v && Equals(v);

    public override int GetHashCode()
    {
        var h = new HashCode();
        for (var i = 0; i < MaxParts; i++) h.Add(i < _parts.Length ? _parts[i] : 0);
        foreach (var p in PreRelease) h.Add(p);
        return h.ToHashCode();
    }

    public static bool operator <(DottedVersion a, DottedVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(DottedVersion a, DottedVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(DottedVersion a, DottedVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(DottedVersion a, DottedVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => Text;
}
