using MoveEverything.UiHost.Input;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Tests.Input;

public class InputPumpTests
{
    [Fact]
    public void Shift_plus_volume_touch_plus_jog_click_is_the_escape_and_the_click_is_swallowed()
    {
        var pump = new InputPump();
        var escapes = 0;
        pump.EscapeHandler = () => escapes++;
        pump.OnInput(InputEvent.Cc(49, 127));
        pump.OnInput(InputEvent.NoteOn(8, 127));
        pump.OnInput(InputEvent.Cc(3, 127));

        Assert.Equal(1, escapes);
        Assert.True(pump.TakeEscape());
        Assert.False(pump.TakeEscape());
        Assert.Equal([InputEvent.Cc(49, 127), InputEvent.NoteOn(8, 127)], pump.Drain());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Jog_click_without_the_full_combination_is_a_normal_event(bool shift, bool touch)
    {
        var pump = new InputPump();
        if (shift) pump.OnInput(InputEvent.Cc(49, 127));
        if (touch) pump.OnInput(InputEvent.NoteOn(8, 127));
        pump.OnInput(InputEvent.Cc(3, 127));
        Assert.False(pump.TakeEscape());
        Assert.Contains(InputEvent.Cc(3, 127), pump.Drain());
    }

    [Fact]
    public void Releasing_shift_or_touch_disarms_the_escape()
    {
        var pump = new InputPump();
        pump.OnInput(InputEvent.Cc(49, 127));
        pump.OnInput(InputEvent.NoteOn(8, 127));
        pump.OnInput(InputEvent.NoteOff(8));
        pump.OnInput(InputEvent.Cc(3, 127));
        Assert.False(pump.TakeEscape());
    }

    [Fact]
    public void Engine_escape_notification_counts_as_an_escape()
    {
        var pump = new InputPump();
        var called = false;
        pump.EscapeHandler = () => called = true;
        pump.OnEscape();
        Assert.True(called && pump.TakeEscape());
    }

    [Fact]
    public void Plug_detection_ccs_update_the_state()
    {
        var pump = new InputPump();
        pump.OnInput(InputEvent.Cc(115, 127));
        pump.OnInput(InputEvent.Cc(114, 127));
        Assert.False(pump.State.SpeakerActive);
        Assert.True(pump.State.LineInConnected);
    }
}
