using FsCheck;
using FsCheck.Fluent;
using MoveEverything.Boot.Text;

namespace MoveEverything.Boot.Tests;

public sealed class KeyValueFormatTests
{
    [Fact]
    public void Any_value_round_trips()
    {
        Prop.ForAll<string>(value =>
        {
            value ??= "";
            if (value.Contains('\0') || value.Any(char.IsSurrogate)) return true;
            var parsed = KeyValueFormat.Parse(KeyValueFormat.Format([new("k", value)]));
            return parsed is not null && parsed["k"] == value;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_line_without_equals_is_corrupt()
    {
        Assert.Null(KeyValueFormat.Parse("a=1\nbroken\n"u8));
    }

    [Theory]
    [InlineData("/tmp/x/opt/move/Move", "/tmp/x")]
    [InlineData("/opt/move/Move", "/")]
    [InlineData("/usr/bin/launcher", null)]
    public void Root_is_derived_from_where_the_launcher_sits(string exe, string? root)
    {
        Assert.Equal(root, MoveLayout.RootFromLauncherPath(exe));
    }
}
