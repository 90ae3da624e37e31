using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>The RX half: MIDI IN with an 8-byte stride from 2048, display status at 2296, audio in at 2304.</summary>
public class MailboxRxTests
{
    private static void PutEvent(NativePage page, int index, byte h, byte s, byte d1, byte d2, uint timestamp)
    {
        int o = 2048 + index * 8;
        page.Bytes[o] = h;
        page.Bytes[o + 1] = s;
        page.Bytes[o + 2] = d1;
        page.Bytes[o + 3] = d2;
        BitConverter.TryWriteBytes(page.Bytes[(o + 4)..(o + 8)], timestamp);
    }

    private static List<MidiInEvent> Read(Mailbox mailbox)
    {
        var list = new List<MidiInEvent>();
        foreach (var e in mailbox.MidiIn) list.Add(e);
        return list;
    }

    [Fact]
    public void Events_are_read_with_an_8_byte_stride_and_little_endian_timestamps()
    {
        using var page = new NativePage();
        PutEvent(page, 0, 0x09, 0x90, 68, 100, 0x01020304);
        PutEvent(page, 1, 0x0B, 0xB0, 71, 1, 7);

        var events = Read(page.Mailbox);

        Assert.Equal(2, events.Count);
        Assert.Equal(UsbMidiPacket.NoteOn(68, 100), events[0].Packet);
        Assert.Equal(0x01020304u, events[0].Timestamp);
        Assert.Equal(UsbMidiPacket.ControlChange(71, 1), events[1].Packet);
        Assert.Equal(7u, events[1].Timestamp);
    }

    [Fact]
    public void The_list_ends_at_the_first_zero_header_even_if_later_slots_hold_stale_events()
    {
        using var page = new NativePage();
        PutEvent(page, 0, 0x09, 0x90, 70, 1, 1);
        PutEvent(page, 2, 0x09, 0x90, 71, 1, 3); // slot 1 is empty: this one is stale

        Assert.Single(Read(page.Mailbox));
        Assert.Equal(1, page.Mailbox.MidiIn.Count());
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x02)]
    [InlineData(0x03)]
    [InlineData(0xF2)]
    public void Xmos_heartbeats_are_skipped_without_ending_the_list(byte header)
    {
        using var page = new NativePage();
        PutEvent(page, 0, header, 0x00, 0, 0, 1);
        PutEvent(page, 1, 0x08, 0x80, 68, 0, 2);

        var events = Read(page.Mailbox);

        Assert.Equal(UsbMidiPacket.NoteOff(68), Assert.Single(events).Packet);
    }

    [Fact]
    public void All_31_slots_are_readable_and_nothing_past_2296_is_treated_as_an_event()
    {
        using var page = new NativePage();
        for (int i = 0; i < 31; i++) PutEvent(page, i, 0x09, 0x90, (byte)i, 1, (uint)i);
        page.Bytes[2296] = 0x09; // display status word, must not be read as event 32

        Assert.Equal(31, Read(page.Mailbox).Count);
    }

    [Fact]
    public void Device_side_write_terminates_the_list_and_lands_at_2048()
    {
        using var page = new NativePage();
        page.Bytes[2048..2296].Fill(0x77);
        var mailbox = page.Mailbox;

        int n = mailbox.WriteMidiIn([new MidiInEvent(UsbMidiPacket.PolyAftertouch(99, 50), 0xAABBCCDD)]);

        Assert.Equal(1, n);
        Assert.Equal(new byte[] { 0x0A, 0xA0, 99, 50, 0xDD, 0xCC, 0xBB, 0xAA }, page.Bytes[2048..2056].ToArray());
        Assert.All(page.Bytes[2056..2296].ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Display_status_rx_is_at_2296_and_audio_in_spans_2304_to_2815()
    {
        using var page = new NativePage();
        var mailbox = page.Mailbox;
        mailbox.DisplayStatusRx = 5;
        mailbox.AudioIn[0] = 0x0102;
        mailbox.AudioIn[255] = -1;

        Assert.Equal(new byte[] { 5, 0, 0, 0 }, page.Bytes[2296..2300].ToArray());
        Assert.Equal(new byte[] { 0x02, 0x01 }, page.Bytes[2304..2306].ToArray());
        Assert.Equal(new byte[] { 0xFF, 0xFF }, page.Bytes[2814..2816].ToArray());
        Assert.Equal(0, page.Bytes[2816]);
    }

    [Fact]
    public void Reading_midi_in_allocates_nothing()
    {
        using var page = new NativePage();
        for (int i = 0; i < 10; i++) PutEvent(page, i, 0x09, 0x90, (byte)(68 + i), 1, (uint)i);
        var mailbox = page.Mailbox;
        int sum = 0;
        foreach (var e in mailbox.MidiIn) sum += e.Packet.Data1; // warm-up (JIT)

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 1000; round++)
        {
            foreach (var e in mailbox.MidiIn) sum += e.Packet.Data1;
        }
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(before, after);
        Assert.True(sum > 0);
    }
}
