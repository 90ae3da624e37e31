namespace MoveEverything.Ipc.Tests;

public sealed class ChainLoadTests
{
    [Theory]
    [InlineData("1=/m/a/dsp.so", 1, 2, "/m/a/dsp.so", LoadFlags.None)]
    [InlineData("0.3=/m/fx.so", 0, 3, "/m/fx.so", LoadFlags.None)]
    [InlineData("2+trusted=/m/b/dsp.so", 2, 2, "/m/b/dsp.so", LoadFlags.Trusted)]
    [InlineData("4.3+mailbox+trusted=/m/c=d.so", 4, 3, "/m/c=d.so", LoadFlags.Trusted | LoadFlags.GrantMailbox)]
    public void Parses_the_text_form_and_prints_it_back(string text, int slot, int position, string path, LoadFlags flags)
    {
        var load = ChainLoad.Parse(text, out var error);
        Assert.Null(error);
        Assert.Equal(new ChainLoad(slot, position, path, flags), load);
        Assert.Equal(load, ChainLoad.Parse(load!.ToString(), out _));
    }

    [Theory]
    [InlineData("1+root=/m/a.so", "'root' is not a load flag")]
    [InlineData("9=/m/a.so", "not a slot")]
    [InlineData("1.8=/m/a.so", "not a chain position")]
    [InlineData("=/m/a.so", "is not SLOT")]
    [InlineData("1=", "is not SLOT")]
    public void Refuses_malformed_text_with_a_reason(string text, string reason)
    {
        Assert.Null(ChainLoad.Parse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_load_command_carries_its_flags_in_value()
    {
        var c = EngineCommand.LoadPlugin(1, 2, "/m/a.so", 9, LoadFlags.Trusted | LoadFlags.GrantMailbox);
        Assert.Equal(3, c.Value);
        Assert.Equal(LoadFlags.Trusted | LoadFlags.GrantMailbox, c.LoadFlags);
    }
}
