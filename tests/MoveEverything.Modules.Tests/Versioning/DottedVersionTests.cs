using FsCheck;
using FsCheck.Xunit;
using MoveEverything.Modules.Versioning;

namespace MoveEverything.Modules.Tests.Versioning;

public class DottedVersionTests
{
    [Theory]
    [InlineData("1", new[] { 1 })]
    [InlineData("0.9", new[] { 0, 9 })]
    [InlineData("0.9.15", new[] { 0, 9, 15 })]
    [InlineData("0.3.6.6", new[] { 0, 3, 6, 6 })]
    public void V1_accepts_one_to_four_numeric_parts(string text, int[] parts) =>
        Assert.Equal(parts, DottedVersion.Parse(text).Parts);

    [Fact]
    public void V1_accepts_pre_release_and_build_metadata()
    {
        var v = DottedVersion.Parse("1.0-beta.8+abc.1");
        Assert.Equal(["beta", "8"], v.PreRelease);
        Assert.Equal("abc.1", v.BuildMetadata);
        Assert.True(v.IsPreRelease);
    }

    [Theory]
    [InlineData("", VersionErrorKind.Empty)]
    [InlineData(null, VersionErrorKind.Empty)]
    [InlineData("v1.0", VersionErrorKind.LeadingV)]
    [InlineData("1..2", VersionErrorKind.EmptyPart)]
    [InlineData("1.2.", VersionErrorKind.EmptyPart)]
    [InlineData("1.x", VersionErrorKind.NonNumericPart)]
    [InlineData("1.-2", VersionErrorKind.EmptyPart)]
    [InlineData("1.2.3.4.5", VersionErrorKind.TooManyParts)]
    [InlineData("99999999999", VersionErrorKind.NumberTooLarge)]
    [InlineData("1.0-", VersionErrorKind.InvalidPreRelease)]
    [InlineData("1.0-be ta", VersionErrorKind.InvalidPreRelease)]
    [InlineData("1.0+", VersionErrorKind.InvalidBuildMetadata)]
    [InlineData(" 1.0", VersionErrorKind.NonNumericPart)]
    public void V1_malformed_versions_are_a_typed_error_with_a_message(string? text, VersionErrorKind kind)
    {
        Assert.False(DottedVersion.TryParse(text, out _, out var error));
        Assert.Equal(kind, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Throws<FormatException>(() => DottedVersion.Parse(text!));
    }

    [Theory]
    [InlineData("1.2", "1.2.0")]
    [InlineData("1", "1.0.0.0")]
    [InlineData("1.0+build", "1.0")]
    public void V2_missing_parts_are_zero_and_build_metadata_is_ignored(string a, string b)
    {
        Assert.Equal(DottedVersion.Parse(a), DottedVersion.Parse(b));
        Assert.Equal(DottedVersion.Parse(a).GetHashCode(), DottedVersion.Parse(b).GetHashCode());
    }

    [Theory]
    [InlineData("0.9.15", "0.9.18")]
    [InlineData("0.9.18", "1.0.0")]
    [InlineData("0.3.6", "0.3.6.6")]
    [InlineData("1.0-beta.8", "1.0")]
    [InlineData("1.0-alpha", "1.0-beta")]
    [InlineData("1.0-beta.2", "1.0-beta.11")]
    [InlineData("1.0-beta", "1.0-beta.1")]
    [InlineData("1.0-1", "1.0-alpha")]
    [InlineData("1.9", "1.10")]
    public void V2_ordering(string lower, string higher)
    {
        Assert.True(DottedVersion.Parse(lower) < DottedVersion.Parse(higher));
        Assert.True(DottedVersion.Parse(higher) > DottedVersion.Parse(lower));
    }

    [Property]
    public bool V2_ordering_matches_numeric_tuples(NonNegativeInt a1, NonNegativeInt a2, NonNegativeInt b1, NonNegativeInt b2)
    {
        var a = DottedVersion.Parse($"{a1.Get}.{a2.Get}");
        var b = DottedVersion.Parse($"{b1.Get}.{b2.Get}");
        return Math.Sign(a.CompareTo(b)) == Math.Sign((a1.Get, a2.Get).CompareTo((b1.Get, b2.Get)));
    }

    [Property]
    public bool Parsing_arbitrary_text_never_throws(string text)
    {
        DottedVersion.TryParse(text, out var v, out var e);
        return (v is null) != (e is null);
    }
}
