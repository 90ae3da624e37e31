using FsCheck.Xunit;
using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>The control map of schwung-spec.md §7.6.</summary>
public class ControlMapTests
{
    [Fact]
    public void Pads_are_notes_68_to_99_from_bottom_left()
    {
        Assert.Equal(68, ControlMap.PadNote(0));
        Assert.Equal(75, ControlMap.PadNote(7));   // end of the bottom row
        Assert.Equal(76, ControlMap.PadNote(8));   // start of the second row
        Assert.Equal(99, ControlMap.PadNote(31));  // top-right
        Assert.Equal(31, ControlMap.PadIndex(99));
        Assert.Equal(-1, ControlMap.PadIndex(67));
        Assert.Equal(-1, ControlMap.PadIndex(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlMap.PadNote(32));
    }

    [Fact]
    public void Track_buttons_are_reversed()
    {
        Assert.Equal(43, ControlMap.TrackCc(1));
        Assert.Equal(40, ControlMap.TrackCc(4));
    }

    [Fact]
    public void Encoders_touch_notes_and_steps_match_the_spec()
    {
        Assert.Equal(71, ControlMap.KnobCc(0));
        Assert.Equal(78, ControlMap.KnobCc(7));
        Assert.Equal(79, ControlMap.MasterCc);
        Assert.Equal((14, 3), ((int)ControlMap.JogCc, (int)ControlMap.JogClickCc));
        Assert.Equal(7, ControlMap.TouchNote(7));
        Assert.Equal(8, ControlMap.TouchNote(ControlMap.MasterTouchNote));
        Assert.Equal(9, ControlMap.TouchNote(ControlMap.JogTouchNote));
        Assert.Equal(16, ControlMap.StepNote(0));
        Assert.Equal(31, ControlMap.StepNote(15));
    }

    [Fact]
    public void Buttons_list_every_button_cc_once()
    {
        int[] expected = [40, 41, 42, 43, 49, 50, 51, 52, 54, 55, 56, 58, 60, 62, 63, 85, 86, 88, 118, 119];
        Assert.Equal(expected, ControlMap.Buttons.Select(b => (int)b.Cc).Order());
        Assert.Equal(LedKind.Rgb, ControlMap.Buttons.Single(b => b.Name == "Record").Led);
    }

    [Fact]
    public void Relative_values_follow_the_clockwise_counterclockwise_convention()
    {
        Assert.Equal(1, ControlMap.EncodeRelative(1));
        Assert.Equal(127, ControlMap.EncodeRelative(-1));
        Assert.Equal(65, ControlMap.EncodeRelative(-63));
        Assert.Equal(0, ControlMap.DecodeRelative(64));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlMap.EncodeRelative(0));
    }

    [Property]
    public bool Relative_encoding_round_trips(sbyte raw)
    {
        int delta = raw % 64;
        return delta == 0 || ControlMap.DecodeRelative(ControlMap.EncodeRelative(delta)) == delta;
    }
}
