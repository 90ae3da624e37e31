using System.Runtime.CompilerServices;
using MoveEverything.Hardware;

namespace MoveEverything.Hardware.Tests;

/// <summary>The TX half, written through the codec, lands at the byte offsets of schwung-spec.md §7.2.</summary>
public class MailboxTxTests
{
    [Fact]
    public void Packet_and_event_structs_have_the_wire_sizes()
    {
        Assert.Equal(4, Unsafe.SizeOf<UsbMidiPacket>());
        Assert.Equal(8, Unsafe.SizeOf<MidiInEvent>());
    }

    [Fact]
    public void Midi_out_packets_occupy_4_byte_slots_from_offset_0_and_unused_slots_are_zero()
    {
        using var page = new NativePage();
        page.Bytes[..80].Fill(0xEE); // stale packets from the previous block
        int written = page.Mailbox.WriteMidiOut([UsbMidiPacket.NoteOn(68, 8), UsbMidiPacket.ControlChange(49, 127)]);

        Assert.Equal(2, written);
        Assert.Equal(new byte[] { 0x09, 0x90, 68, 8 }, page.Bytes[0..4].ToArray());
        Assert.Equal(new byte[] { 0x0B, 0xB0, 49, 127 }, page.Bytes[4..8].ToArray());
        Assert.All(page.Bytes[8..80].ToArray(), b => Assert.Equal(0, b));
        Assert.All(page.Bytes[80..].ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Midi_out_takes_at_most_20_packets()
    {
        using var page = new NativePage();
        var packets = Enumerable.Range(0, 25).Select(i => UsbMidiPacket.NoteOn((byte)i, 1)).ToArray();

        Assert.Equal(20, page.Mailbox.WriteMidiOut(packets));
        Assert.Equal(new byte[] { 0x09, 0x90, 19, 1 }, page.Bytes[76..80].ToArray());
        Assert.All(page.Bytes[80..].ToArray(), b => Assert.Equal(0, b)); // slot 21 did not spill into the display word
    }

    [Fact]
    public void Display_status_is_a_little_endian_word_at_80_and_the_slice_area_is_84_to_255()
    {
        using var page = new NativePage();
        var mailbox = page.Mailbox;
        mailbox.DisplayStatusTx = 0x04030201;
        mailbox.DisplaySlice.Fill(0xAB);

        Assert.Equal(new byte[] { 1, 2, 3, 4 }, page.Bytes[80..84].ToArray());
        Assert.Equal(0, page.Bytes[79]); // last MIDI OUT byte untouched
        Assert.All(page.Bytes[84..256].ToArray(), b => Assert.Equal(0xAB, b));
        Assert.Equal(0, page.Bytes[256]);
        Assert.Equal(172, mailbox.DisplaySlice.Length);
    }

    [Fact]
    public void Audio_out_is_256_interleaved_int16_little_endian_samples_from_256_to_767()
    {
        using var page = new NativePage();
        var audio = page.Mailbox.AudioOut;
        audio[0] = 0x1234;      // frame 0 left
        audio[1] = -2;          // frame 0 right
        audio[255] = 0x7F01;    // frame 127 right

        Assert.Equal(256, audio.Length);
        Assert.Equal(new byte[] { 0x34, 0x12, 0xFE, 0xFF }, page.Bytes[256..260].ToArray());
        Assert.Equal(new byte[] { 0x01, 0x7F }, page.Bytes[766..768].ToArray());
        Assert.Equal(0, page.Bytes[255]);
        Assert.Equal(0, page.Bytes[768]);
    }

    [Fact]
    public void Raw_bytes_at_the_documented_offsets_read_back_through_the_codec()
    {
        using var page = new NativePage();
        byte[] raw = [0x2B, 0xB3, 71, 65];
        raw.CopyTo(page.Bytes[(19 * 4)..]);
        page.Bytes[80] = 6;
        page.Bytes[84 + 171] = 0x5A;
        page.Bytes[766] = 0x00;
        page.Bytes[767] = 0x80;

        var mailbox = page.Mailbox;
        var p = mailbox.MidiOut[19];
        Assert.Equal((2, 0xB, 3, 71, 65), (p.Cable, p.Cin, p.Channel, (int)p.Data1, (int)p.Data2));
        Assert.Equal(6u, mailbox.DisplayStatusTx);
        Assert.Equal(0x5A, mailbox.DisplaySlice[171]);
        Assert.Equal(short.MinValue, mailbox.AudioOut[255]);
    }

    [Fact]
    public void Halves_split_the_page_at_2048()
    {
        using var page = new NativePage();
        page.Mailbox.TxHalf.Fill(1);
        page.Mailbox.RxHalf.Fill(2);

        Assert.Equal(2048, page.Mailbox.TxHalf.Length);
        Assert.Equal(1, page.Bytes[2047]);
        Assert.Equal(2, page.Bytes[2048]);
        Assert.Equal(2, page.Bytes[4095]);
    }
}
