using FsCheck.Xunit;
using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

public class LedPaletteAndPacketTests
{
    [Theory]
    [InlineData(0, 0x000000)]
    [InlineData(1, 0xFF0000)]
    [InlineData(8, 0x00FF00)]
    [InlineData(120, 0xFFFFFF)]
    [InlineData(125, 0x0000FF)]
    public void Named_palette_entries_have_their_colour(int index, int rgb) => Assert.Equal(rgb, LedPalette.Rgb(index));

    [Fact]
    public void Every_index_but_black_is_visible_and_the_table_has_128_entries()
    {
        Assert.Equal(128, LedPalette.All.Length);
        for (int i = 1; i < 128; i++) Assert.NotEqual(0, LedPalette.Rgb(i));
    }

    [Fact]
    public void Factories_build_the_documented_bytes()
    {
        Assert.Equal(new UsbMidiPacket(0x09, 0x90, 68, 127), UsbMidiPacket.NoteOn(68, 127));
        Assert.Equal(new UsbMidiPacket(0x28, 0x83, 60, 0), UsbMidiPacket.NoteOff(60, 0, channel: 3, cable: 2));
        Assert.Equal(new UsbMidiPacket(0x0B, 0xB0, 71, 1), UsbMidiPacket.ControlChange(71, 1));
        Assert.Equal(new UsbMidiPacket(0x0A, 0xA0, 80, 64), UsbMidiPacket.PolyAftertouch(80, 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => UsbMidiPacket.NoteOn(128, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => UsbMidiPacket.NoteOn(1, 1, channel: 16));
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool Midi_out_round_trips_any_packet_list(UsbMidiPacket[] packets)
    {
        using var page = new NativePage();
        int n = page.Mailbox.WriteMidiOut(packets);
        var back = page.Mailbox.MidiOut.ToArray();
        return n == Math.Min(20, packets.Length)
            && back.Take(n).SequenceEqual(packets.Take(n))
            && back.Skip(n).All(p => p.IsEmpty);
    }

    [Property(Arbitrary = [typeof(Generators)])]
    public bool Midi_in_round_trips_any_list_without_heartbeats(UsbMidiPacket[] packets)
    {
        using var page = new NativePage();
        var events = packets.Where(p => !new MidiInEvent(p, 0).IsHeartbeat)
            .Select((p, i) => new MidiInEvent(p, (uint)i)).Take(31).ToArray();
        page.Mailbox.WriteMidiIn(events);
        var back = new List<MidiInEvent>();
        foreach (var e in page.Mailbox.MidiIn) back.Add(e);
        return back.SequenceEqual(events);
    }

    [Property]
    public bool Word_form_round_trips_with_the_header_in_the_low_byte(uint word) =>
        UsbMidiPacket.FromUInt32(word).ToUInt32() == word && UsbMidiPacket.FromUInt32(word).Header == (byte)word;

    [Fact]
    public void WithCable_keeps_the_message_and_refuses_cables_above_15()
    {
        var moved = UsbMidiPacket.NoteOn(60, 100).WithCable(2);
        Assert.Equal(new UsbMidiPacket(0x29, 0x90, 60, 100), moved);
        Assert.Throws<ArgumentOutOfRangeException>(() => moved.WithCable(16));
    }
}
