using FsCheck.Xunit;
using MoveEverything.UiHost.Input;
using MoveEverything.UiHost.Link;

namespace MoveEverything.UiHost.Tests.Input;

public class EncoderBatcherTests
{
    private static int Decode(byte v) => v <= 63 ? v : v - 128;

    [Fact]
    public void Turns_of_one_knob_in_a_tick_become_one_cc_with_the_summed_delta()
    {
        var batched = EncoderBatcher.Batch([InputEvent.Cc(71, 1), InputEvent.Cc(71, 1), InputEvent.Cc(71, 3), InputEvent.Cc(14, 127)], false);
        Assert.Equal([InputEvent.Cc(71, 5), InputEvent.Cc(14, 127)], batched);
    }

    [Fact]
    public void Opposite_turns_cancel_and_send_nothing()
    {
        Assert.Empty(EncoderBatcher.Batch([InputEvent.Cc(72, 2), InputEvent.Cc(72, 126)], false));
    }

    [Fact]
    public void Non_encoder_events_keep_their_order_before_the_batched_encoders()
    {
        var pad = InputEvent.NoteOn(68, 90);
        var shift = InputEvent.Cc(49, 127);
        var batched = EncoderBatcher.Batch([InputEvent.Cc(73, 1), pad, shift, InputEvent.Cc(73, 1)], false);
        Assert.Equal([pad, shift, InputEvent.Cc(73, 2)], batched);
    }

    [Fact]
    public void Volume_knob_is_batched_only_when_claimed()
    {
        InputEvent[] turns = [InputEvent.Cc(79, 1), InputEvent.Cc(79, 1)];
        Assert.Equal(turns, EncoderBatcher.Batch(turns, volumeClaimed: false));
        Assert.Equal([InputEvent.Cc(79, 2)], EncoderBatcher.Batch(turns, volumeClaimed: true));
    }

    [Fact]
    public void External_cable_encoders_are_not_touched()
    {
        InputEvent[] usb = [InputEvent.Cc(71, 1, cable: 2), InputEvent.Cc(71, 1, cable: 2)];
        Assert.Equal(usb, EncoderBatcher.Batch(usb, false));
    }

    [Property]
    public bool Batched_delta_is_the_clamped_sum(byte[] raw)
    {
        var events = raw.Select(b => InputEvent.Cc(75, (byte)(b & 0x7F))).ToList();
        var sum = events.Sum(e => e.Data2 is >= 1 and <= 63 ? e.Data2 : e.Data2 >= 65 ? e.Data2 - 128 : 0);
        var batched = EncoderBatcher.Batch(events, false);
        return sum == 0 ? batched.Count == 0 : batched.Count == 1 && Decode(batched[0].Data2) == Math.Clamp(sum, -63, 63);
    }
}
